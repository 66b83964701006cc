package io.calicogitops.audit.live;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One GET against the API server through fabric8's HTTP client (so its TLS, credentials and token refresh apply),
 * bounded twice: the whole exchange, from sending the request to the last byte of the body, must end within the
 * request deadline, as kubectl's {@code --request-timeout} bounds a whole request (Go's {@code http.Client.Timeout});
 * a read timeout alone lets a server that sends one byte every few seconds hold the audit for ever. And the body is
 * counted while it arrives: past the size bound the connection is dropped, before the rest is read or buffered.
 */
final class BoundedGet {

    private final KubernetesClient client;
    private final String baseUrl;
    private final long readTimeoutMillis;
    private final Duration deadline;
    private final long maxBytes;

    BoundedGet(KubernetesClient client, ReadSettings settings) {
        this.client = client;
        String master = client.getConfiguration().getMasterUrl();
        this.baseUrl = master.endsWith("/") ? master.substring(0, master.length() - 1) : master;
        this.readTimeoutMillis = client.getConfiguration().getRequestTimeout();
        this.deadline = settings.requestDeadline();
        this.maxBytes = settings.maxResponseBytes();
    }

    /** The body of a 2xx answer to GET {@code path}; any other answer is a {@link KubernetesClientException}. */
    byte[] body(String path) {
        return body(exchange(path));
    }

    /** As {@link #body}, but empty for a 404 (fabric8 answers a group version that is not served with null). */
    Optional<byte[]> bodyUnless404(String path) {
        Answer answer = exchange(path);
        return answer.code() == 404 ? Optional.empty() : Optional.of(body(answer));
    }

    /** As {@link #bodyUnless404(String)}, asking for the representation {@code accept} (a {@code Accept} header value). */
    Optional<byte[]> bodyUnless404(String path, String accept) {
        Answer answer = exchange(path, accept);
        return answer.code() == 404 ? Optional.empty() : Optional.of(body(answer));
    }

    private byte[] body(Answer answer) {
        if (!HttpResponse.isSuccessful(answer.code())) {
            throw failure(answer.code(), answer.bytes());
        }
        return answer.bytes();
    }

    /** The HTTP status code and the whole body. */
    private record Answer(int code, byte[] bytes) {
    }

    private Answer exchange(String path) {
        return exchange(path, "application/json");
    }

    private Answer exchange(String path, String accept) {
        HttpClient http = client.getHttpClient();
        HttpRequest.Builder builder = http.newHttpRequestBuilder().uri(baseUrl + path).header("Accept", accept);
        if (readTimeoutMillis > 0) {
            builder.timeout(readTimeoutMillis, TimeUnit.MILLISECONDS);
        }
        CappedBody body = new CappedBody(maxBytes);
        long end = System.nanoTime() + deadline.toNanos();
        CompletableFuture<HttpResponse<AsyncBody>> sent = http.consumeBytes(builder.build(), body::take);
        HttpResponse<AsyncBody> response = null;
        try {
            response = sent.get(left(end), TimeUnit.NANOSECONDS);
            response.body().done().whenComplete(body::ended);
            response.body().consume();
            body.finished().get(left(end), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            cancel(sent, response);
            throw new KubernetesClientException("GET " + path + " timed out",
                    new TimeoutException("no complete answer within " + seconds(deadline)));
        } catch (InterruptedException e) {
            cancel(sent, response);
            Thread.currentThread().interrupt();
            throw new KubernetesClientException("GET " + path + " was interrupted", e);
        } catch (ExecutionException e) {
            cancel(sent, response);
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new KubernetesClientException("GET " + path + " failed", cause);
        }
        return new Answer(response.code(), body.bytes());
    }

    /** As fabric8 reports a failed request: the Status the server sent, or one made from the HTTP code. */
    private KubernetesClientException failure(int code, byte[] bytes) {
        Status status = null;
        try {
            status = client.getKubernetesSerialization().unmarshal(new String(bytes, StandardCharsets.UTF_8), Status.class);
        } catch (RuntimeException notAStatus) {
            // A proxy's HTML error page, say: the code is all there is.
        }
        if (status == null) {
            status = new Status();
        }
        // The HTTP status line is what the API server meant; a body's code may be missing or differ.
        status.setCode(code);
        return new KubernetesClientException(status);
    }

    private static void cancel(CompletableFuture<HttpResponse<AsyncBody>> sent, HttpResponse<AsyncBody> response) {
        // Cancelling the body closes the connection: the server cannot go on holding it.
        if (response != null) {
            response.body().cancel();
        }
        sent.cancel(true);
        sent.thenAccept(r -> r.body().cancel());
    }

    private static long left(long end) {
        return Math.max(0, end - System.nanoTime());
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Collects the body up to the bound; one byte more ends the exchange. */
    private static final class CappedBody {
        private final long max;
        private final CompletableFuture<Void> finished = new CompletableFuture<>();
        private byte[] buffer = new byte[8192];
        private int size;

        CappedBody(long max) {
            this.max = max;
        }

        synchronized void take(java.util.List<ByteBuffer> chunks, AsyncBody body) {
            for (ByteBuffer chunk : chunks) {
                int n = chunk.remaining();
                if (size + (long) n > max) {
                    finished.completeExceptionally(new ResponseRejectedException(
                            "the answer is larger than " + max + " bytes, the most one response may have"));
                    body.cancel();
                    return;
                }
                if (size + n > buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, (int) Math.min(max, Math.max(size + (long) n, 2L * buffer.length)));
                }
                chunk.get(buffer, size, n);
                size += n;
            }
            body.consume();
        }

        void ended(Void ignored, Throwable failure) {
            if (failure != null) {
                finished.completeExceptionally(failure);
            } else {
                finished.complete(null);
            }
        }

        CompletableFuture<Void> finished() {
            return finished;
        }

        synchronized byte[] bytes() {
            return java.util.Arrays.copyOf(buffer, size);
        }
    }
}
