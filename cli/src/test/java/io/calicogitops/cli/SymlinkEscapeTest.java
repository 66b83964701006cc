package io.calicogitops.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No input folder (fleet, templates, overlays, workloads) is a way to read a file outside it: a symbolic link that
 * leaves the folder is an error naming the link (exit 3), and what it points at is never printed.
 */
class SymlinkEscapeTest {

    /** What a pod's service-account token file looks like; it must never reach the output. */
    private static final String SECRET = "eyJhbGciOiJSUzI1NiJ9.c2VydmljZWFjY291bnRTZWNyZXQ.c2lnbmF0dXJlU2VjcmV0";

    @TempDir
    Path tmp;
    Path outside;

    @BeforeEach
    void secretOutside() throws IOException {
        outside = Files.writeString(tmp.resolve("token"), "provider: " + SECRET + "\nname: " + SECRET + "\n");
    }

    @Test
    void validate_fleetLinkToAFileOutside_exits3NamingTheLink() throws IOException {
        Path fleet = CliRun.copySampleFleet(tmp.resolve("copy"));
        Files.createSymbolicLink(fleet.resolve("leak.yaml"), outside);

        CliRun run = CliRun.of("validate", "--fleet", fleet.toString());

        assertRefused(run, "leak.yaml");
    }

    @Test
    void validate_fleetLinkThatStaysInside_isFollowed() throws IOException {
        Path fleet = CliRun.copySampleFleet(tmp.resolve("copy"));
        Path profile;
        try (var s = Files.list(fleet)) {
            profile = s.filter(p -> p.toString().endsWith(".yaml")).sorted().findFirst().orElseThrow();
        }
        Files.createDirectories(fleet.resolve("kept"));
        Files.move(profile, fleet.resolve("kept").resolve(profile.getFileName()));
        Files.createSymbolicLink(profile, fleet.resolve("kept").resolve(profile.getFileName()));

        CliRun run = CliRun.of("validate", "--fleet", fleet.toString());

        assertEquals(0, run.exitCode(), run.transcript());
    }

    @Test
    void render_templatesAndOverlaysLinkToAFileOutside_exits3NamingTheLink() throws IOException {
        for (String option : new String[] {"--templates", "--overlays"}) {
            Path dir = Files.createDirectories(tmp.resolve(option.substring(2)).resolve("pack"));
            Files.createSymbolicLink(dir.resolve("leak.yaml.mustache"), outside);

            CliRun run = CliRun.of("render", "--fleet", CliRun.sampleFleet(), "--repo", tmp.resolve("out").toString(),
                    option, dir.getParent().toString());

            assertRefused(run, "leak.yaml.mustache");
            assertFalse(Files.exists(tmp.resolve("out").resolve("clusters")), run.transcript());
        }
    }

    @Test
    void reach_workloadsLinkToAFileOutside_exits3NamingTheLink() throws IOException {
        Path repo = tmp.resolve("gitops");
        assertEquals(0, CliRun.of("render", "--fleet", CliRun.sampleFleet(), "--repo", repo.toString()).exitCode());
        Path workloads = Files.createDirectories(tmp.resolve("workloads"));
        Files.copy(CliRun.sampleRepo().resolve("workloads/kubernetes-manifests.yaml"), workloads.resolve("apps.yaml"));
        Files.createSymbolicLink(workloads.resolve("leak.yaml"), outside);

        CliRun run = CliRun.of("reach", "--repo", repo.toString(), "--cluster", "eks-prod", "--fleet", CliRun.sampleFleet(),
                "--workloads", workloads.toString(), "--from", "default/frontend", "--to", "default/frontend", "--port", "80");

        assertRefused(run, "leak.yaml");
    }

    private static void assertRefused(CliRun run, String link) {
        assertEquals(3, run.exitCode(), run.transcript());
        assertFalse(run.transcript().contains(SECRET), run.transcript());
        assertFalse(run.transcript().contains("c2VydmljZWFjY291bnRTZWNyZXQ"), run.transcript());
        assertTrue(run.err().lines().anyMatch(l -> l.contains(link + ": error: symbolic link points outside ")
                && l.endsWith("; not followed")), run.transcript());
    }
}
