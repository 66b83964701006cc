package io.calicogitops.audit.live;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.AuditRequest;
import io.calicogitops.audit.Auditor;
import io.calicogitops.audit.DriftEntry;
import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.audit.DriftStatus;
import io.calicogitops.audit.ignore.IgnoreRules;
import io.calicogitops.git.FileChange;
import io.calicogitops.git.GitRepo;
import io.calicogitops.model.Resource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15 item 1: the honeypods' pull secret is a prerequisite Git names but never holds. The audit learns it from
 * the {@code calico-gitops.io/requires-secrets} annotation of the rendered DaemonSet, GETs it by name asking for its
 * metadata only, never lists Secrets, and reports a missing one as a WARNING; an existing one gives no entry.
 */
@EnableKubernetesMockClient(crud = true)
class PrerequisiteSecretMockServerIT {

    static {
        MockApi.quiet();
    }

    private static final String DAEMONSET = """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: tigera-internal-app
              namespace: tigera-internal
              annotations:
                calico-gitops.io/requires-secrets: tigera-pull-secret
            spec:
              selector:
                matchLabels: {app: tigera-internal-app}
              template:
                metadata:
                  labels: {app: tigera-internal-app}
                spec:
                  imagePullSecrets:
                  - name: tigera-pull-secret
                  containers:
                  - name: tigera-internal-app
                    image: quay.io/tigera/honeypod:v3.19.1
            """;

    private static final String PULL_SECRET = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: tigera-pull-secret
              namespace: tigera-internal
            type: kubernetes.io/dockerconfigjson
            data:
              .dockerconfigjson: eyJhdXRocyI6eyJxdWF5LmlvIjp7ImF1dGgiOiJjMlZqY21WMExYWmhiSFZsIn19fQ==
            """;

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private AuditReport audit() {
        new MockApi().serve("v1", "secrets", "Secret", true).serve("apps/v1", "daemonsets", "DaemonSet", true)
                .calicoKinds("projectcalico.org/v3", Set.of()).install(server);
        MockApi.create(client, "apps", "v1", "daemonsets", true, DAEMONSET);
        Path repo = dir.resolve("repo");
        try (GitRepo git = GitRepo.openOrInit(repo)) {
            git.commit(List.of(new FileChange("clusters/c1/daemonset.apps-tigera-internal.tigera-internal-app.yaml",
                    FileChange.Type.ADDED, null, DAEMONSET.getBytes(StandardCharsets.UTF_8))), "honeypod", git.identity());
        }
        KubeLiveReader reader = KubeLiveReader.of(client.getConfiguration(), "mock", Duration.ofSeconds(5),
                new ReadSettings(500, 1, Duration.ofMillis(1)));
        return new Auditor().audit(new AuditRequest(repo, "c1", "HEAD", reader, IgnoreRules.none(), LocalDate.parse("2026-12-07")));
    }

    @Test
    void audit_pullSecretMissing_prerequisiteWarningAtTheDaemonSetGetByNameMetadataOnly() throws Exception {
        AuditReport report = audit();

        List<DriftEntry> secrets = report.entries().stream().filter(e -> e.id().kind().equals("Secret")).toList();
        assertEquals(1, secrets.size(), report.entries().toString());
        DriftEntry e = secrets.get(0);
        assertEquals("tigera-internal", e.id().namespace());
        assertEquals("tigera-pull-secret", e.id().name());
        assertEquals(DriftStatus.MISSING, e.status());
        assertEquals(DriftSeverity.WARNING, e.severity());
        String sentence = e.changes().get(0).sentence();
        assertTrue(sentence.startsWith("prerequisite not in the cluster: Secret tigera-internal/tigera-pull-secret, which DaemonSet tigera-internal-app needs"),
                sentence);
        assertTrue(e.desiredAt().orElseThrow().toString().contains("daemonset.apps-tigera-internal.tigera-internal-app.yaml"));
        assertFalse(report.inSync());

        List<RecordedRequest> requests = secretRequests();
        assertEquals(1, requests.size(), "one GET by name, never a list");
        assertEquals("GET /api/v1/namespaces/tigera-internal/secrets/tigera-pull-secret",
                requests.get(0).getMethod() + " " + requests.get(0).getPath());
        assertTrue(requests.get(0).getHeader("Accept").startsWith("application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1"),
                requests.get(0).getHeader("Accept"));
    }

    @Test
    void audit_pullSecretPresent_noEntryAndItsDataNeverKept() throws Exception {
        MockApi.create(client, "", "v1", "secrets", true, PULL_SECRET);

        AuditReport report = audit();

        assertTrue(report.entries().stream().noneMatch(e -> e.id().kind().equals("Secret")), report.entries().toString());
        assertTrue(report.inSync(), report.entries().toString());
        Resource seen = report.live().resources().stream().filter(r -> r.id().kind().equals("Secret")).findFirst().orElseThrow();
        assertFalse(seen.body().has("data"), "the probe keeps name and namespace only: " + seen.body());
        assertFalse(seen.body().has("type"), seen.body().toString());
    }

    private List<RecordedRequest> secretRequests() throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        int count = server.getRequestCount();
        for (int i = 0; i < count; i++) {
            RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
            if (r != null && r.getPath().contains("secrets") && !r.getMethod().equals("POST")) {
                out.add(r);
            }
        }
        return out;
    }
}
