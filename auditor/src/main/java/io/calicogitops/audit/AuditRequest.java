package io.calicogitops.audit;

import io.calicogitops.audit.ignore.IgnoreRules;
import io.calicogitops.audit.live.LiveReader;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/** What to audit: the repository and ref, the cluster, where the live state comes from, the ignore rules and today's date. */
public record AuditRequest(Path repo, String cluster, String ref, LiveReader live, IgnoreRules ignore, LocalDate today) {

    public AuditRequest {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(cluster, "cluster");
        ref = ref == null ? "HEAD" : ref;
        Objects.requireNonNull(live, "live");
        ignore = ignore == null ? IgnoreRules.none() : ignore;
        today = today == null ? LocalDate.now(java.time.ZoneOffset.UTC) : today;
    }
}
