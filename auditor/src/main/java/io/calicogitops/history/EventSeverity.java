package io.calicogitops.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.Resource;

import java.util.List;

/**
 * Severity of a whole resource created or deleted by a commit, by the same measure as the auditor's (docs/auditing.md,
 * "Severity rules"): critical when the commit can let through traffic its parent denied. Modifications take the worst
 * severity of their sentences; promotions and demotions are critical, as enforcing or unenforcing changes verdicts.
 */
final class EventSeverity {

    private EventSeverity() {
    }

    /**
     * A new enforced policy with an Allow rule can admit what was denied; a Pass rule can skip a Deny later in its
     * tier. Staged policies change no verdict.
     */
    static DriftSeverity created(Resource r) {
        if (isEnforcedPolicy(r)) {
            for (String dir : List.of("ingress", "egress")) {
                for (JsonNode rule : r.spec().path(dir)) {
                    String action = rule.path("action").asText();
                    if (action.equals("Allow") || action.equals("Pass")) {
                        return DriftSeverity.CRITICAL;
                    }
                }
            }
        }
        return DriftSeverity.WARNING;
    }

    /**
     * Deleting an enforced policy drops its Deny and Pass rules and, even for an allow-only policy, takes its endpoints
     * out of its tier, so the tier's implicit end-of-tier deny no longer applies to them. A deleted tier drops
     * all of its policies.
     */
    static DriftSeverity deleted(Resource r) {
        return isEnforcedPolicy(r) || r.kind().equals("Tier") && Kinds.CALICO_GROUP.equals(r.id().group())
                ? DriftSeverity.CRITICAL : DriftSeverity.WARNING;
    }

    private static boolean isEnforcedPolicy(Resource r) {
        return Kinds.isCalicoPolicy(r.id().group(), r.kind()) && !r.kind().startsWith("Staged");
    }
}
