package io.calicogitops.model;

import java.util.List;

/**
 * The spec fields Calico fills in when an object leaves them out (calico-semantics §3.1: clientv3 defaulting, the
 * native-CRD MutatingAdmissionPolicies and the CRD {@code default:} values), as data. One table for every reader: the
 * auditor's normaliser puts the value on both sides so that "absent" and "the default" compare equal, and the
 * generator tells Argo CD to ignore exactly those fields where Git is silent, so neither reports a default as drift.
 */
public final class ServerDefaults {

    /**
     * One defaulted field: {@code spec.<field>} of Calico kind {@code kind} becomes {@code value} when absent or empty;
     * a null value means the inferred policy types ({@code types} from the rule lists present). {@code partial}: also
     * on a partially-managed object (FelixConfiguration {@code default} is not: a default there would claim a field
     * Git does not state).
     */
    public record Field(String kind, String field, String value, boolean partial) {
        /** The field as an RFC 6901 JSON pointer into the object. */
        public String pointer() {
            return "/spec/" + field;
        }

        /** True when the value is not a constant but the policy types inferred from the rules. */
        public boolean inferredTypes() {
            return value == null;
        }
    }

    /** The label Calico puts on every policy, repeating {@code spec.tier} (v3.32 setTierLabel). */
    public static final String TIER_LABEL = "projectcalico.org/tier";

    private static final List<String> TIERED_POLICIES = List.of("NetworkPolicy", "GlobalNetworkPolicy",
            "StagedNetworkPolicy", "StagedGlobalNetworkPolicy");

    private static final List<Field> FIELDS = build();

    private ServerDefaults() {
    }

    private static List<Field> build() {
        List<Field> out = new java.util.ArrayList<>();
        for (String kind : TIERED_POLICIES) {
            out.add(new Field(kind, "tier", "default", true));
            out.add(new Field(kind, "types", null, true));
        }
        out.add(new Field("StagedKubernetesNetworkPolicy", "policyTypes", null, true));
        for (String kind : List.of("StagedNetworkPolicy", "StagedGlobalNetworkPolicy", "StagedKubernetesNetworkPolicy")) {
            out.add(new Field(kind, "stagedAction", "Set", true));
        }
        out.add(new Field("Tier", "defaultAction", "Deny", true));
        out.add(new Field("GlobalThreatFeed", "content", "IPSet", true));
        out.add(new Field("GlobalThreatFeed", "mode", "Enabled", true));
        out.add(new Field("GlobalThreatFeed", "feedType", "Custom", true));
        out.add(new Field("FelixConfiguration", "nftablesMode", "Auto", false));
        out.add(new Field("FelixConfiguration", "nftablesFlowTableOffload", "Disabled", false));
        return List.copyOf(out);
    }

    /** Every defaulted field, in a fixed order. */
    public static List<Field> all() {
        return FIELDS;
    }

    /** The defaulted fields of Calico kind {@code kind} (group projectcalico.org), in table order. */
    public static List<Field> of(String kind) {
        return FIELDS.stream().filter(f -> f.kind().equals(kind)).toList();
    }
}
