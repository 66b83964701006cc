package io.calicogitops.evidence;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.calicogitops.evidence.EvidenceFixtures.entries;
import static io.calicogitops.evidence.EvidenceFixtures.liveSnapshot;
import static io.calicogitops.evidence.EvidenceFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing private leaves the machine in a bundle: no remote password, no local path (which shows a home folder or a
 * user name), no user name from the environment. (The kubeconfig token: {@code EvidenceExportMockServerIT}.)
 */
class EvidenceSecretsTest {

    private static final String PASSWORD = "s3cr3t-remote-password-9f8e7d";
    private static final String REMOTE_USER = "deploy-bot-7c6b";

    @TempDir
    Path dir;

    @Test
    void export_remoteWithPassword_localPaths_neverAppearInAnyFile() throws Exception {
        Path repo = EvidenceFixtures.renderedRepo(dir.resolve("private-checkout-of-alice"), "eks-prod");
        try (Git git = Git.open(repo.toFile())) {
            git.remoteAdd().setName("origin")
                    .setUri(new URIish("https://" + REMOTE_USER + ":" + PASSWORD + "@git.example.com/platform/fleet.git")).call();
        }
        Path live = Files.copy(liveSnapshot("eks-prod"), dir.resolve("alices-snapshot.yaml"));
        Path ignore = Files.writeString(dir.resolve("alices-ignore.yaml"), """
                ignore:
                  - kind: GlobalReport
                    name: cluster-*
                    pointer: /spec/schedule
                    owner: compliance@example.com
                    reason: reports run every 5 minutes during the Q4 assessment
                    expires: 2026-01-31
                """);

        Path zip = EvidenceFixtures.Export.of(repo, "eks-prod").live(live).ignore(ignore).to(dir.resolve("out.zip")).out();

        Map<String, byte[]> files = entries(zip);
        String[] forbidden = {PASSWORD, REMOTE_USER, dir.toString(), dir.toAbsolutePath().toString(), "private-checkout-of-alice",
                System.getProperty("user.home"), "/" + System.getProperty("user.name") + "/"};
        files.forEach((path, bytes) -> {
            String content = new String(bytes, StandardCharsets.UTF_8);
            for (String f : forbidden) {
                assertFalse(content.contains(f), path + " contains '" + f + "'");
            }
        });
        assertTrue(text(zip, BundleLayout.MANIFEST).contains("\"origin\": \"https://git.example.com/platform/fleet.git\""));
        assertTrue(text(zip, BundleLayout.DRIFT_JSON).contains("\"liveSource\": \"files: alices-snapshot.yaml"));
        assertTrue(text(zip, BundleLayout.IGNORE_RULES).contains("\"source\": \"alices-ignore.yaml:2:5\""));
    }

    @Test
    void ignoreRules_listedWithOwnerReasonExpiryAndWhetherExpired() throws Exception {
        Path repo = EvidenceFixtures.renderedRepo(dir.resolve("repo"), "eks-prod");
        Path ignore = Files.writeString(dir.resolve("ignore.yaml"), """
                ignore:
                  - kind: GlobalReport
                    name: cluster-*
                    pointer: /spec/schedule
                    owner: compliance@example.com
                    reason: reports run every 5 minutes during the Q4 assessment
                    expires: 2026-01-31
                  - kind: GlobalNetworkPolicy
                    name: default.allow-all-debug
                    owner: sre@example.com
                    reason: incident 4711
                    expires: 2027-06-30
                """);

        Path zip = EvidenceFixtures.Export.of(repo, "eks-prod").ignore(ignore).to(dir.resolve("out.zip")).out();

        String json = text(zip, BundleLayout.IGNORE_RULES);
        assertTrue(json.contains("\"asOf\": \"2026-11-22\""), json);
        assertTrue(json.contains("\"owner\": \"compliance@example.com\""), json);
        assertTrue(json.contains("\"expires\": \"2026-01-31\",\n      \"expired\": true"), json);
        assertTrue(json.contains("\"expires\": \"2027-06-30\",\n      \"expired\": false"), json);
        assertEquals(2, json.split("\"owner\"").length - 1);
    }
}
