package io.calicogitops.audit.live;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;

import java.net.http.HttpClient;

/**
 * Opens fabric8 clients that never follow an HTTP redirect. fabric8 asks its HTTP client to follow every redirect,
 * and the JDK client then resends the request, Authorization header included, to whatever host the
 * {@code Location} names: an API server (or anything in front of it) could hand the bearer token to another host.
 * The Kubernetes API server itself never redirects list, get or write requests, so a 3xx is refused as an access
 * failure (exit 4) rather than followed; client-go follows redirects but drops Authorization on a cross-host hop,
 * we are stricter because an audit that read another host's data would be wrong even without the token.
 */
final class KubeClients {

    private KubeClients() {
    }

    /** A client on {@code config} whose HTTP layer answers a redirect with the 3xx itself. */
    static KubernetesClient open(Config config) {
        return new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(new NoRedirects()).build();
    }

    /** The JDK HTTP client factory, with redirects turned off after fabric8's common configuration turned them on. */
    private static final class NoRedirects extends JdkHttpClientFactory {
        @Override
        protected void additionalConfig(HttpClient.Builder builder) {
            builder.followRedirects(HttpClient.Redirect.NEVER);
        }
    }
}
