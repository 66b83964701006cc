package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.testing.Golden;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.calicogitops.render.RepoFixtures.copySampleFleet;
import static io.calicogitops.render.RepoFixtures.editProfile;
import static io.calicogitops.render.RepoFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code scheduledAudit.signKeySecret}: the CronJob mounts that Secret's key read-only and the entry point passes it
 * to {@code audit --record --sign-key}; a profile without the key renders exactly as before (the sample goldens).
 */
class ScheduledAuditSigningRenderTest {

    private static final String CRONJOB = "cronjob.batch-calico-gitops.calico-gitops-audit.yaml";

    @TempDir
    Path tmp;

    @Test
    void signKeySecret_mountsTheKeyReadOnlyAndNamesItForTheEntryPoint() throws Exception {
        Path fleet = copySampleFleet(tmp);
        editProfile(fleet, "eks-prod.yaml", "  webhookSecret: drift-webhook\n",
                "  webhookSecret: drift-webhook\n  signKeySecret: drift-log-signing\n");

        ClusterRender eksProd = render(fleet, "eks-prod").clusters().get(0);
        String text = new String(eksProd.files().get(CRONJOB), StandardCharsets.UTF_8);
        List<YamlDocument> docs = new YamlReader().read(eksProd.files().get(CRONJOB), CRONJOB, new Diagnostics());
        JsonNode pod = docs.get(0).body().at("/spec/jobTemplate/spec/template/spec");
        JsonNode container = pod.at("/containers/0");

        assertTrue(container.path("env").findValuesAsText("name").contains("CALICO_GITOPS_SIGN_KEY_FILE"), text);
        JsonNode env = null;
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals("CALICO_GITOPS_SIGN_KEY_FILE")) {
                env = e;
            }
        }
        assertEquals("/etc/calico-gitops/sign-key/sign-key.pem", env.path("value").asText());
        JsonNode mount = null;
        for (JsonNode m : container.path("volumeMounts")) {
            if (m.path("name").asText().equals("sign-key")) {
                mount = m;
            }
        }
        assertEquals("/etc/calico-gitops/sign-key", mount.path("mountPath").asText());
        assertTrue(mount.path("readOnly").asBoolean(), "the key is mounted read-only");
        JsonNode volume = null;
        for (JsonNode v : pod.path("volumes")) {
            if (v.path("name").asText().equals("sign-key")) {
                volume = v;
            }
        }
        assertEquals("drift-log-signing", volume.at("/secret/secretName").asText());
        assertEquals(288, volume.at("/secret/defaultMode").asInt(), "0440: readable by the pod's group only");
        assertEquals("sign-key.pem", volume.at("/secret/items/0/key").asText());
        String readme = new String(eksProd.files().get("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("the Secret `drift-log-signing` (key `sign-key.pem`"), readme);

        // Only the signing lines were added: the sample golden's lines are all there, in order, and nothing else is new.
        List<String> golden = Files.readAllLines(Golden.testResources("generator", "golden/sample/eks-prod").resolve(CRONJOB));
        List<String> added = new java.util.ArrayList<>();
        int g = 0;
        for (String line : text.lines().toList()) {
            if (g < golden.size() && golden.get(g).equals(line)) {
                g++;
            } else {
                added.add(line.strip());
            }
        }
        assertEquals(golden.size(), g, "every golden line is kept, in order");
        assertEquals(List.of("- name: CALICO_GITOPS_SIGN_KEY_FILE", "value: /etc/calico-gitops/sign-key/sign-key.pem",
                "- name: sign-key", "mountPath: /etc/calico-gitops/sign-key", "readOnly: true",
                "- name: sign-key", "secret:", "secretName: drift-log-signing", "defaultMode: 288", "items:",
                "- key: sign-key.pem", "path: sign-key.pem"), added);
    }
}
