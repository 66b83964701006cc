package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.fleet.ReleaseImage;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.calicogitops.render.RepoFixtures.copySampleFleet;
import static io.calicogitops.render.RepoFixtures.editProfile;
import static io.calicogitops.render.RepoFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code scheduledAudit.watch} (issue 16 item 4): the Deployment that runs {@code audit --watch --metrics-port}, its
 * Service and ServiceMonitor, and read access to Deployments, instead of the CronJob; nothing of it without the key.
 */
class ScheduledAuditWatchRenderTest {

    private static final String DEPLOYMENT = "deployment.apps-calico-gitops.calico-gitops-audit.yaml";
    private static final String SERVICE = "service-calico-gitops.calico-gitops-audit.yaml";
    private static final String MONITOR = "servicemonitor.monitoring.coreos.com-calico-gitops.calico-gitops-audit.yaml";
    private static final String CRONJOB = "cronjob.batch-calico-gitops.calico-gitops-audit.yaml";

    @TempDir
    Path tmp;

    private static JsonNode doc(ClusterRender c, String file) {
        assertTrue(c.files().containsKey(file), file + " in " + new TreeSet<>(c.files().keySet()));
        return new YamlReader().read(c.files().get(file), file, new Diagnostics()).get(0).body();
    }

    private static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new java.util.TreeMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        return env;
    }

    @Test
    void watch_rendersDeploymentServiceAndServiceMonitor_insteadOfTheCronJob() throws Exception {
        Path fleet = copySampleFleet(tmp);
        editProfile(fleet, "eks-prod.yaml", "  webhookSecret: drift-webhook\n",
                "  webhookSecret: drift-webhook\n  watch:\n    interval: 5m\n    metricsPort: 9400\n");

        ClusterRender c = render(fleet, "eks-prod").clusters().get(0);

        assertFalse(c.files().containsKey(CRONJOB), "one auditor: the Deployment replaces the CronJob");
        JsonNode pod = doc(c, DEPLOYMENT).at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        assertEquals(1, doc(c, DEPLOYMENT).at("/spec/replicas").asInt());
        assertEquals("calico-gitops-auditor", pod.path("serviceAccountName").asText());
        assertEquals("5m", env(container).get("CALICO_GITOPS_WATCH_INTERVAL"));
        assertEquals("9400", env(container).get("CALICO_GITOPS_METRICS_PORT"));
        assertEquals(9400, container.at("/ports/0/containerPort").asInt());
        assertEquals("/readyz", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/healthz", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals("fleet-repo-git", pod.at("/volumes/2/secret/secretName").asText(), "Secrets by name only");
        JsonNode service = doc(c, SERVICE);
        assertEquals(9400, service.at("/spec/ports/0/port").asInt());
        assertEquals("metrics", service.at("/spec/ports/0/targetPort").asText());
        assertTrue(service.at("/spec/publishNotReadyAddresses").asBoolean(), "failing audits are still scraped");
        JsonNode monitor = doc(c, MONITOR);
        assertEquals("metrics", monitor.at("/spec/endpoints/0/port").asText());
        assertEquals(service.at("/metadata/labels"), monitor.at("/spec/selector/matchLabels"));
        assertTrue(c.files().keySet().stream().noneMatch(f -> f.startsWith("secret-")), "no Secret is rendered");
    }

    @Test
    void watch_auditorRoleReadsDeployments_readOnly() throws Exception {
        Path fleet = copySampleFleet(tmp);
        editProfile(fleet, "eks-prod.yaml", "  webhookSecret: drift-webhook\n",
                "  webhookSecret: drift-webhook\n  watch: {serviceMonitor: false}\n");

        ClusterRender c = render(fleet, "eks-prod").clusters().get(0);

        assertFalse(c.files().containsKey(MONITOR), "serviceMonitor: false");
        assertEquals("10m", env(doc(c, DEPLOYMENT).at("/spec/template/spec/containers/0")).get("CALICO_GITOPS_WATCH_INTERVAL"));
        JsonNode role = doc(c, "clusterrole.rbac.authorization.k8s.io-calico-gitops-auditor.yaml");
        List<String> verbs = new ArrayList<>();
        boolean deployments = false;
        for (JsonNode rule : role.path("rules")) {
            rule.path("verbs").forEach(v -> verbs.add(v.asText()));
            deployments |= rule.path("apiGroups").toString().contains("\"apps\"") && rule.path("resources").toString().contains("deployments");
            assertFalse(rule.path("resources").toString().contains("secrets\""), "no list of Secrets: " + rule);
        }
        assertTrue(deployments, role.toString());
        assertEquals(List.of("get", "list"), verbs.stream().distinct().sorted().toList(), "read-only");
    }

    @Test
    void withoutImage_theDeploymentRunsTheReleasedImage() throws Exception {
        Path fleet = copySampleFleet(tmp);
        editProfile(fleet, "eks-prod.yaml", "  image: ghcr.io/calico-gitops/calico-gitops:0.1.0\n", "  watch: {}\n");

        ClusterRender c = render(fleet, "eks-prod").clusters().get(0);

        assertEquals(ReleaseImage.defaultImage(), doc(c, DEPLOYMENT).at("/spec/template/spec/containers/0/image").asText());
    }
}
