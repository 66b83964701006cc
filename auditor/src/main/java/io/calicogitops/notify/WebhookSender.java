package io.calicogitops.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.report.JsonStyle;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Posts one JSON message to a {@link WebhookTarget}; never throws, never shows the URL. */
public final class WebhookSender {

    /** The outcome of one delivery: delivered (2xx), or why not. */
    public record Delivery(boolean delivered, int status, String problem) {
    }

    private final HttpClient client;
    private final Duration timeout;

    public WebhookSender() {
        this(Duration.ofSeconds(15));
    }

    public WebhookSender(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Delivery post(WebhookTarget target, JsonNode message) {
        byte[] body;
        try {
            body = JsonStyle.MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification that cannot be written as JSON", e);
        }
        HttpRequest request = HttpRequest.newBuilder(target.uri())
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "calico-gitops")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            if (status / 100 == 2) {
                return new Delivery(true, status, "");
            }
            return new Delivery(false, status, "the webhook answered HTTP " + status);
        } catch (IOException e) {
            return new Delivery(false, 0, "the webhook could not be reached (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + target.redact(e.getMessage())) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(false, 0, "interrupted while posting to the webhook");
        }
    }
}
