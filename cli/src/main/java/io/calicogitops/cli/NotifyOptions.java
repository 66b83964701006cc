package io.calicogitops.cli;

import io.calicogitops.notify.WebhookTarget;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** {@code --notify-webhook URL | --notify-webhook-file FILE} (or $CALICO_GITOPS_NOTIFY_WEBHOOK): where drift news goes. */
final class NotifyOptions {

    @Option(names = "--notify-webhook", paramLabel = "URL", description = "post a JSON message (with Slack-compatible text)"
            + " when drift appears, changes or is resolved, or the audit fails; the URL is never printed."
            + " Also from a file (--notify-webhook-file) or $" + WebhookTarget.ENV)
    String url;

    @Option(names = "--notify-webhook-file", paramLabel = "FILE", description = "a file holding the webhook URL"
            + " (e.g. a mounted Secret)")
    Path file;

    Optional<WebhookTarget> target() {
        return WebhookTarget.resolve(url, file, System.getenv());
    }
}
