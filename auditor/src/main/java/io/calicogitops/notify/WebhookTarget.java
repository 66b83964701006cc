package io.calicogitops.notify;

import io.calicogitops.diag.InvalidValueException;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where notifications go. The URL is a secret (a Slack webhook URL is its own credential), so it can come from a file
 * or the environment instead of the command line, and it never appears in any output: {@link #toString()} and
 * {@link #redact} hide it.
 */
public final class WebhookTarget {

    /** Environment variable that holds the URL when neither option is given. */
    public static final String ENV = "CALICO_GITOPS_NOTIFY_WEBHOOK";

    private final URI uri;

    private WebhookTarget(URI uri) {
        this.uri = uri;
    }

    /**
     * The target from {@code --notify-webhook}, else {@code --notify-webhook-file}, else {@value #ENV}; empty when none
     * is set. A URL that is not http(s) is a usage error that does not quote it.
     */
    public static Optional<WebhookTarget> resolve(String url, Path file, Map<String, String> env) {
        if (url != null && file != null) {
            throw new InvalidValueException("notify-webhook", "give the URL or a file holding it, not both");
        }
        String text = url;
        String from = "notify-webhook";
        if (file != null) {
            try {
                text = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new InvalidValueException("notify-webhook-file", "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
            }
            from = "notify-webhook-file";
        } else if (url == null) {
            text = env.get(ENV);
            from = "$" + ENV;
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
        }
        return Optional.of(of(text.strip(), from));
    }

    static WebhookTarget of(String text, String from) {
        try {
            URI u = new URI(text);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                return new WebhookTarget(u);
            }
        } catch (URISyntaxException e) {
            // reported below without the URL
        }
        throw new InvalidValueException(from, "not an http(s) URL (the value is not shown: webhook URLs are secrets)");
    }

    URI uri() {
        return uri;
    }

    /** {@code text} with the URL, its path and its query replaced by {@code <webhook>}. */
    String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = text.replace(uri.toString(), "<webhook>");
        if (uri.getRawPath() != null && uri.getRawPath().length() > 1) {
            out = out.replace(uri.getRawPath(), "<webhook>");
        }
        if (uri.getRawQuery() != null) {
            out = out.replace(uri.getRawQuery(), "<webhook>");
        }
        return out;
    }

    @Override
    public String toString() {
        return "the webhook";
    }
}
