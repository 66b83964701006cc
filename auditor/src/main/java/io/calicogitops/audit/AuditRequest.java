package io.calicogitops.audit;

import io.calicogitops.audit.ignore.IgnoreRules;
import io.calicogitops.validate.CalicoTarget;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What to audit: the repository and ref, the cluster, where the live state comes from, the ignore rules, today's date,
 * and the Calico the cluster runs when the caller knows better than the folder's stamp (empty: the stamp decides).
 */
public record AuditRequest(Path repo, String cluster, String ref, LiveReader live, IgnoreRules ignore, LocalDate today,
                           Optional<CalicoTarget> target) {

    /** A request whose Calico target is the one the cluster folder names. */
    public AuditRequest(Path repo, String cluster, String ref, LiveReader live, IgnoreRules ignore, LocalDate today) {
        this(repo, cluster, ref, live, ignore, today, Optional.empty());
    }

    public AuditRequest {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(cluster, "cluster");
        ref = ref == null ? "HEAD" : ref;
        Objects.requireNonNull(live, "live");
        ignore = ignore == null ? IgnoreRules.none() : ignore;
        today = today == null ? LocalDate.now(java.time.ZoneOffset.UTC) : today;
        target = target == null ? Optional.empty() : target;
    }
}
