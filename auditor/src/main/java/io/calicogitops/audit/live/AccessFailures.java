package io.calicogitops.audit.live;

import io.calicogitops.diag.ClusterAccessException;
import io.calicogitops.diag.SecretMask;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Turns fabric8 failures into {@link ClusterAccessException}s that say what was being done, in which context, and
 * what to do about it. Nothing from the kubeconfig's credentials reaches a message or a cause: known secrets are
 * replaced, and bearer tokens, JWTs, URL credentials and query values are masked ({@link SecretMask}) as a second line of defence.
 */
final class AccessFailures {

    static final String RBAC_HINT = "grant the auditor the read-only ClusterRole in rbac/calico-gitops-auditor-clusterrole.yaml";
    /** The read-only ClusterRole grants nothing on Secrets: names cannot be known in general, and list reads them all. */
    static final String SECRET_HINT = "grant get on these secrets, e.g. a Role in their namespace with resourceNames "
            + "(see docs/auditing.md, Secrets); or keep Secrets out of clusters/<name>/";

    private final String context;
    private final String server;
    private final SecretMask mask;

    /** {@code server} is the API server URL (shown when it cannot be reached); {@code secrets} are masked everywhere. */
    AccessFailures(String context, String server, Collection<String> secrets) {
        this.context = Objects.requireNonNull(context, "context");
        this.mask = SecretMask.of(secrets);
        this.server = redact(String.valueOf(server));
    }

    String context() {
        return context;
    }

    /** Whether another try of the same idempotent GET could succeed: throttling, server errors, timeouts, I/O. */
    static boolean isTransient(RuntimeException e) {
        if (interrupted(e)) {
            return false;
        }
        int code = code(e);
        if (code == 429 || code >= 500) {
            return true;
        }
        // No HTTP status (fabric8 gives 0 or -1): the request never got an answer. A TLS failure will not heal.
        return code <= 0 && cause(e, SSLException.class) == null
                && (cause(e, IOException.class) != null || cause(e, TimeoutException.class) != null);
    }

    /**
     * How long the server asked us to wait before trying again: {@code details.retryAfterSeconds} of its Status, which
     * the API server sends with 429 (and some 5xx) next to the {@code Retry-After} header; 0 when it did not say.
     */
    static long retryAfterSeconds(RuntimeException e) {
        if (e instanceof KubernetesClientException k && k.getStatus() != null && k.getStatus().getDetails() != null
                && k.getStatus().getDetails().getRetryAfterSeconds() != null) {
            return Math.max(0, k.getStatus().getDetails().getRetryAfterSeconds());
        }
        return 0;
    }

    /** What the failure was, in a few words: {@code HTTP 503 Service Unavailable: <server message>}. */
    String describe(RuntimeException e) {
        int code = code(e);
        if (code > 0) {
            String serverMessage = e instanceof KubernetesClientException k && k.getStatus() != null
                    ? k.getStatus().getMessage() : null;
            String head = "HTTP " + code + reason(code);
            return redact(serverMessage == null || serverMessage.isBlank() ? head : head + ": " + serverMessage);
        }
        if (cause(e, ConnectException.class) != null || cause(e, HttpConnectTimeoutException.class) != null) {
            return "cannot connect to the API server " + server;
        }
        ResponseRejectedException rejected = cause(e, ResponseRejectedException.class);
        if (rejected != null) {
            return redact(rejected.getMessage());
        }
        TimeoutException deadline = cause(e, TimeoutException.class);
        if (deadline != null && deadline.getMessage() != null) {
            return "timed out: " + deadline.getMessage();
        }
        if (cause(e, HttpTimeoutException.class) != null || deadline != null
                || cause(e, InterruptedIOException.class) != null) {
            return "timed out";
        }
        SSLException tls = cause(e, SSLException.class);
        if (tls != null) {
            return redact("TLS with the API server " + server + " failed: " + tls.getMessage());
        }
        Throwable io = cause(e, IOException.class);
        Throwable shown = io != null ? io : e;
        return redact(shown.getClass().getSimpleName() + (shown.getMessage() == null ? "" : ": " + shown.getMessage()));
    }

    /**
     * The exception for a failed request. {@code operation} reads like {@code list globalnetworkpolicies.projectcalico.org/v3};
     * {@code kind} names the kind for 403 and 404 messages (null for discovery).
     */
    ClusterAccessException failure(String operation, KindKey kind, RuntimeException e, int attempts) {
        if (interrupted(e)) {
            Thread.currentThread().interrupt();
            return new ClusterAccessException(operation + " in context '" + context + "' was interrupted", sanitized(e));
        }
        int code = code(e);
        String what = describe(e);
        String message;
        if (code >= 300 && code < 400) {
            // Redirects are never followed (see KubeClients): following one would send the credentials to wherever
            // the Location points, and the API server does not redirect API requests.
            message = operation + " in context '" + context + "': the API server answered with a redirect (" + what
                    + "); redirects are refused so that the kubeconfig's credentials go only to " + server
                    + "\n    hint: point the kubeconfig's cluster server at the API server itself, not at a proxy that redirects";
        } else if (code == 401) {
            message = operation + " in context '" + context + "': the cluster rejected the credentials (" + what + ")"
                    + "\n    hint: log in again or refresh the credentials of this kubeconfig context";
        } else if (code == 403) {
            message = operation + " in context '" + context + "': forbidden (" + what + ")"
                    + (kind == null ? "" : SecretGetter.KIND.equals(kind)
                            ? "; the Secrets Git holds are read by name and need get on secrets (never list)"
                            : "; the auditor's RBAC must allow get and list on " + kind)
                    + "\n    hint: " + (SecretGetter.KIND.equals(kind) ? SECRET_HINT : RBAC_HINT);
        } else if (code == 404 && kind != null) {
            message = "kind " + kind + " is not served by this cluster (" + operation + " in context '" + context
                    + "' returned " + what + ")";
        } else if (code == 410) {
            message = operation + " in context '" + context + "' was interrupted: the continue token expired (" + what
                    + ") before every page was read; nothing was kept, re-run the audit";
        } else {
            message = operation + " in context '" + context + "' failed"
                    + (attempts > 1 ? " after " + attempts + " attempts" : "") + ": " + what;
            if (code == 429) {
                long asked = retryAfterSeconds(e);
                message += "\n    hint: the API server is throttling this client" + (asked > 0 ? " (it asked to wait " + asked + " s)" : "")
                        + "; nothing was compared: run the audit again later";
            }
        }
        return new ClusterAccessException(message, sanitized(e));
    }

    /** The text with every known secret and anything that looks like a credential masked. */
    String redact(String text) {
        return mask.apply(text);
    }

    /** A copy of the cause chain with redacted messages and the original stack traces, for {@code --stacktrace}. */
    private Throwable sanitized(Throwable e) {
        if (e == null) {
            return null;
        }
        Throwable copy = new RedactedCause(e.getClass().getName() + ": " + redact(String.valueOf(e.getMessage())),
                e.getCause() == e ? null : sanitized(e.getCause()));
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    static int code(RuntimeException e) {
        return e instanceof KubernetesClientException k ? k.getCode() : 0;
    }

    private static boolean interrupted(Throwable e) {
        return Thread.currentThread().isInterrupted() || cause(e, InterruptedException.class) != null;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String reason(int code) {
        return switch (code) {
            case 301 -> " Moved Permanently";
            case 302 -> " Found";
            case 303 -> " See Other";
            case 307 -> " Temporary Redirect";
            case 308 -> " Permanent Redirect";
            case 400 -> " Bad Request";
            case 401 -> " Unauthorized";
            case 403 -> " Forbidden";
            case 404 -> " Not Found";
            case 409 -> " Conflict";
            case 410 -> " Gone";
            case 429 -> " Too Many Requests";
            case 500 -> " Internal Server Error";
            case 502 -> " Bad Gateway";
            case 503 -> " Service Unavailable";
            case 504 -> " Gateway Timeout";
            default -> "";
        };
    }

    /** A stand-in for a fabric8 exception whose message went through {@link #redact}. */
    private static final class RedactedCause extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RedactedCause(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
