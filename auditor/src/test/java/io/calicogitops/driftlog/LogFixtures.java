package io.calicogitops.driftlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.Change;
import io.calicogitops.audit.Coverage;
import io.calicogitops.audit.DriftEntry;
import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.audit.DriftStatus;
import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.git.FileChange;
import io.calicogitops.git.GitRepo;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import org.eclipse.jgit.lib.PersonIdent;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Audit reports, live snapshots and repositories for drift-log tests: small, built in code, times fixed. */
final class LogFixtures {

    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    static final ObjectMapper JSON = new ObjectMapper();

    private LogFixtures() {
    }

    static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    static Instant hour(int n) {
        return T0.plus(Duration.ofHours(n));
    }

    /** A work-tree repository on branch main with one commit of desired state. */
    static GitRepo repoWithMain(Path dir) {
        GitRepo repo = GitRepo.openOrInit(dir);
        repo.commit(List.of(new FileChange("clusters/eks-prod/tier-security.yaml", FileChange.Type.ADDED, null,
                "kind: Tier\n".getBytes(StandardCharsets.UTF_8))), "render", new PersonIdent("T", "t@example.com"));
        return repo;
    }

    static AuditReport report(String cluster, DriftEntry... entries) {
        return new AuditReport(cluster, COMMIT, "HEAD", "files: live.yaml", List.of(entries), new Coverage(1, 1), List.of());
    }

    static DriftEntry inSync(String name) {
        return new DriftEntry(policy(name), DriftStatus.IN_SYNC, DriftSeverity.NONE, JSON.createArrayNode(), List.of(),
                Optional.empty(), Optional.empty());
    }

    /** A policy whose first egress rule's action differs: the patch turns live {@code live} back into {@code Deny}. */
    static DriftEntry denyTurnedInto(String name, String live) {
        JsonNode patch = json("[{\"op\":\"replace\",\"path\":\"/spec/egress/0/action\",\"value\":\"Deny\"}]");
        return new DriftEntry(policy(name), DriftStatus.MODIFIED, DriftSeverity.CRITICAL, patch,
                List.of(new Change("/spec/egress/0/action", "egress rule 1: action Deny -> " + live, DriftSeverity.CRITICAL)),
                Optional.empty(), Optional.empty());
    }

    static DriftEntry orderChanged(String name, int live) {
        JsonNode patch = json("[{\"op\":\"replace\",\"path\":\"/spec/order\",\"value\":100}]");
        return new DriftEntry(policy(name), DriftStatus.MODIFIED, DriftSeverity.WARNING, patch,
                List.of(new Change("/spec/order", "order 100 -> " + live, DriftSeverity.WARNING)), Optional.empty(), Optional.empty());
    }

    static DriftEntry missing(String name) {
        return new DriftEntry(policy(name), DriftStatus.MISSING, DriftSeverity.CRITICAL, JSON.createArrayNode(),
                List.of(new Change("", "in Git, not in the cluster", DriftSeverity.CRITICAL)), Optional.empty(), Optional.empty());
    }

    static ResourceId policy(String name) {
        return new ResourceId("projectcalico.org", "GlobalNetworkPolicy", "", name);
    }

    static LiveSnapshot snapshot(String... yamlishJson) {
        return new LiveSnapshot("files: live.yaml", java.util.Arrays.stream(yamlishJson)
                .map(j -> Resource.of(json(j), SourceLocation.of("cluster:test"))).toList(), List.of());
    }

    static LiveSnapshot emptySnapshot() {
        return new LiveSnapshot("files: live.yaml", List.of(), List.of());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
