package io.calicogitops.flows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a record's policy trace: {@code <index>|<tier>|<name part>|<action>|<rule index>} in Enterprise logs
 * (legacy {@code ns/tier.name} or kind-prefixed {@code np:ns/name} name parts), a {@code PolicyHit} in Goldmane.
 *
 * @param index     order of the hit in the trace, from 0 (arrays are stored unordered: sort by it)
 * @param tier      the tier, or {@code __PROFILE__} for a profile hit (Goldmane's empty tier is mapped to it)
 * @param kind      the policy kind the name part denotes
 * @param namespace the namespace of a namespaced policy, else null
 * @param name      the policy name as the trace gives it, without the legacy {@code tier.} prefix or {@code staged:};
 *                  for a profile, the profile name ({@code kns.<ns>})
 * @param staged    true for the staged kinds ({@code staged:}, {@code sgnp:}, {@code snp:}, {@code sknp:})
 * @param action    allow, deny or pass
 * @param ruleIndex the 0-based rule within the direction's rules; -1 = end of tier (the named policy is just one
 *                  policy of the tier that selected the endpoint: compare tier and action only); -2 = unknown
 * @param text      the entry as written in the record, for messages
 */
public record PolicyHit(int index, String tier, HitKind kind, String namespace, String name, boolean staged,
                        HitAction action, int ruleIndex, String text) {

    public static final String PROFILE_TIER = "__PROFILE__";
    public static final int END_OF_TIER = -1;

    public PolicyHit {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(text, "text");
    }

    /** True for the tier's default action: no rule of the tier's policies matched. */
    public boolean endOfTier() {
        return ruleIndex == END_OF_TIER;
    }

    /** A copy sorted by index; null becomes empty. */
    static List<PolicyHit> sorted(List<PolicyHit> hits) {
        if (hits == null || hits.isEmpty()) {
            return List.of(); // most records carry no trace: no copies for them
        }
        if (inOrder(hits)) {
            return List.copyOf(hits); // Felix writes its entries in index order: one copy, no sort
        }
        List<PolicyHit> copy = new ArrayList<>(hits);
        copy.sort(Comparator.comparingInt(PolicyHit::index));
        return List.copyOf(copy);
    }

    private static boolean inOrder(List<PolicyHit> hits) {
        for (int k = 1; k < hits.size(); k++) {
            if (hits.get(k - 1).index() > hits.get(k).index()) {
                return false;
            }
        }
        return true;
    }

    /** The policy kinds a trace can name (Felix policy_id.go; Goldmane PolicyKind). */
    public enum HitKind {
        GLOBAL_NETWORK_POLICY, NETWORK_POLICY, KUBERNETES_NETWORK_POLICY, ADMIN_NETWORK_POLICY,
        BASELINE_ADMIN_NETWORK_POLICY, CLUSTER_NETWORK_POLICY, PROFILE
    }

    /** The action of one trace entry; {@code pass} moves on to the next tier. */
    public enum HitAction { ALLOW, DENY, PASS }
}
