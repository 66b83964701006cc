package io.calicogitops.fleet;

import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The profile blocks scheduledAudit and gitops: defaults, and every problem reported where it is written. */
class AutomationProfileTest {

    private static final String HEAD = "name: c1\nprovider: EKS\ncni: calico\n";

    @TempDir
    Path fleet;

    private ClusterProfile load(String yaml) throws IOException {
        Files.writeString(fleet.resolve("c1.yaml"), HEAD + yaml);
        return Fleet.load(fleet, p -> "fleet/" + p.getFileName(), new Diagnostics()).clusters().get(0);
    }

    private String errors(String yaml) throws IOException {
        Files.writeString(fleet.resolve("c1.yaml"), HEAD + yaml);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Fleet.load(fleet, p -> "fleet/" + p.getFileName(), new Diagnostics()));
        return e.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }

    @Test
    void load_noBlocks_bothAbsent() throws IOException {
        ClusterProfile p = load("");
        assertEquals(Optional.empty(), p.scheduledAudit());
        assertEquals(Optional.empty(), p.gitops());
    }

    @Test
    void load_scheduledAuditMinimal_getsDefaultsAndTheGitopsRepo() throws IOException {
        ClusterProfile p = load("gitops:\n  repoUrl: https://git.example.com/fleet.git\n  revision: release\n  flux: {}\n"
                + "scheduledAudit:\n  image: ghcr.io/acme/calico-gitops:1.0.0\n  gitSecret: fleet-git\n");
        ClusterProfile.ScheduledAudit a = p.scheduledAudit().orElseThrow();
        assertEquals("0 * * * *", a.schedule());
        assertEquals("https://git.example.com/fleet.git", a.repoUrl());
        assertEquals("release", a.ref());
        assertEquals("fleet-git", a.gitSecret());
        assertEquals(Optional.empty(), a.webhookSecret());
        assertEquals(Optional.empty(), a.signKeySecret());
        ClusterProfile.Flux f = p.gitops().orElseThrow().flux().orElseThrow();
        assertEquals("flux-system", f.namespace());
        assertEquals("flux-system", f.sourceRef());
        assertEquals("10m", f.interval());
        assertEquals(Optional.empty(), p.gitops().get().argocd());
    }

    @Test
    void load_scheduledAuditWithoutImage_runsTheImageTheReleaseWorkflowPublishesForThisVersion() throws IOException {
        ClusterProfile p = load("scheduledAudit:\n  repoUrl: https://git.example.com/fleet.git\n  gitSecret: fleet-git\n");

        String image = p.scheduledAudit().orElseThrow().image();

        assertTrue(image.matches("ghcr\\.io/calico-gitops/calico-gitops:\\d+\\.\\d+\\.\\d+"), image);
        assertEquals(ReleaseImage.REPOSITORY + ":" + ReleaseImage.tag(System.getProperty("project.version")),
                image);
    }

    @Test
    void releaseImageTag_aSnapshotNamesTheReleaseItBecomes() {
        assertEquals("0.1.0", ReleaseImage.tag("0.1.0-SNAPSHOT"));
        assertEquals("1.2.3", ReleaseImage.tag("1.2.3"));
    }

    @Test
    void load_argocdDefaults() throws IOException {
        ClusterProfile.ArgoCd a = load("gitops:\n  repoUrl: https://git.example.com/fleet.git\n  argocd: {}\n")
                .gitops().orElseThrow().argocd().orElseThrow();
        assertEquals("argocd", a.namespace());
        assertEquals("default", a.project());
        assertEquals("https://kubernetes.default.svc", a.server());
        assertTrue(a.automated());
    }

    @Test
    void load_badScheduledAudit_reportsEveryProblemAtItsLine() throws IOException {
        String errors = errors("scheduledAudit:\n"
                + "  schedule: '*/30 * * *'\n"
                + "  image: ghcr.io/acme/calico-gitops:latest\n"
                + "  repoUrl: https://user:ghp_token@github.com/acme/fleet.git\n"
                + "  gitSecret: Fleet_Git\n"
                + "  webhookSecret: hook\n"
                + "  schedul: x\n");
        assertEquals(String.join("\n",
                "fleet/c1.yaml:5:13: error: scheduledAudit.schedule: '*/30 * * *' has 4 fields; a cron schedule has 5"
                        + " (minute hour day-of-month month day-of-week)",
                "    hint: example: '*/30 * * * *'",
                "fleet/c1.yaml:6:10: error: scheduledAudit.image: 'ghcr.io/acme/calico-gitops:latest': ':latest' is not a pinned version",
                "fleet/c1.yaml:7:12: error: scheduledAudit.repoUrl: the URL holds a password or token: credentials belong in a"
                        + " Secret, not in the fleet",
                "    hint: write the URL without 'user:token@' and name the Secret in gitSecret",
                "fleet/c1.yaml:8:14: error: scheduledAudit.gitSecret: must be a DNS-1123 subdomain: lower-case letters,"
                        + " digits, '-' and '.' (got 'Fleet_Git')",
                "fleet/c1.yaml:10:3: error: scheduledAudit.schedul: unknown key",
                "    hint: did you mean 'schedule'?"), errors);
        assertTrue(!errors.contains("ghp_token") || errors.contains("repoUrl"), "the token is not echoed");
    }

    @Test
    void load_signKeySecret_isKeptAndCheckedLikeTheOtherSecretNames() throws IOException {
        String block = "scheduledAudit:\n  image: a/b:1\n  repoUrl: https://h/x.git\n  gitSecret: s\n  signKeySecret: ";
        assertEquals(Optional.of("drift-log-signing"), load(block + "drift-log-signing\n").scheduledAudit().orElseThrow()
                .signKeySecret());
        assertEquals("fleet/c1.yaml:8:18: error: scheduledAudit.signKeySecret: must be a DNS-1123 subdomain: lower-case"
                + " letters, digits, '-' and '.' (got 'Drift_Key')", errors(block + "Drift_Key\n"));
    }

    @Test
    void load_scheduledAuditMissingRequired_namesThem() throws IOException {
        String errors = errors("scheduledAudit: {schedule: '@hourly'}\n");
        assertTrue(!errors.contains("scheduledAudit.image"), "image has a default: " + errors);
        assertTrue(errors.contains("scheduledAudit.repoUrl: required"), errors);
        assertTrue(errors.contains("scheduledAudit.gitSecret: required"), errors);
    }

    @Test
    void load_scheduledAuditWithoutItsPacks_isAnError() throws IOException {
        String errors = errors("packs: [tiers, felix]\nscheduledAudit:\n  image: a/b:1\n  repoUrl: https://h/x.git\n"
                + "  gitSecret: s\n");
        assertTrue(errors.contains("scheduledAudit: needs the pack 'auditor-rbac'"), errors);
        assertTrue(errors.contains("scheduledAudit: needs the pack 'scheduled-audit'"), errors);
    }

    @Test
    void load_gitopsWithoutTool_andBadValues() throws IOException {
        assertTrue(errors("gitops:\n  repoUrl: https://h/x.git\n").contains("gitops: names neither argocd nor flux"));
        String errors = errors("gitops:\n  repoUrl: ftp://h/x.git\n  revision: 'a..b'\n"
                + "  argocd: {server: https://k, destinationName: prod}\n  flux: {interval: 10 minutes}\n");
        assertTrue(errors.contains("gitops.repoUrl: expected an http or https URL"), errors);
        assertTrue(errors.contains("gitops.revision: 'a..b' is not a branch, tag or commit name"), errors);
        assertTrue(errors.contains("gitops.argocd.destinationName: give either server or destinationName"), errors);
        assertTrue(errors.contains("gitops.flux.interval:"), errors);
    }

    @Test
    void load_sshRepoUrl_isAccepted() throws IOException {
        assertEquals("git@github.com:acme/fleet.git", load("gitops:\n  repoUrl: git@github.com:acme/fleet.git\n  flux: {}\n")
                .gitops().orElseThrow().repoUrl());
    }
}
