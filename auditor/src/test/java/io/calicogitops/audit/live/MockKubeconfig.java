package io.calicogitops.audit.live;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A kubeconfig file whose only context, {@code mock}, points at a mock API server with a bearer token. */
final class MockKubeconfig {

    private MockKubeconfig() {
    }

    /** Writes it to {@code file}; {@code user} names the kubeconfig user. */
    static Path write(Path file, KubernetesMockServer server, String user, String token) throws IOException {
        return Files.writeString(file, """
                apiVersion: v1
                kind: Config
                current-context: mock
                clusters:
                - name: mock
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                users:
                - name: %s
                  user: {token: %s}
                contexts:
                - name: mock
                  context: {cluster: mock, user: %s}
                """.formatted(server.url("/"), user, token, user));
    }
}
