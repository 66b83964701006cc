package io.calicogitops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.ResourceId;

import java.util.Set;

/**
 * Severity by effect on traffic, not by text (docs/auditing.md, "Severity rules"). CRITICAL: the change can allow traffic that
 * Git denies (a Deny or Pass rule gone, an action changed other than to Deny or from Allow, an extra Allow or Pass,
 * a deny's scope possibly narrowed, an allow's possibly widened or a pass's changed, a direction dropped from types,
 * a tier's default action Pass, WireGuard off). WARNING: other spec changes. INFO: labels and annotations of objects
 * nothing selects. A change whose effect cannot be proven harmless counts as the worse case.
 */
final class Severities {

    private static final Set<String> SCOPE_FIELDS = Set.of("selector", "namespaceSelector", "serviceAccounts", "nets",
            "ports", "protocol", "domains", "notSelector", "notNets", "notPorts", "notProtocol", "icmp", "notICMP",
            "serviceAccountSelector", "http", "ipVersion");

    private final ResourceId id;
    private final JsonNode from;
    private final JsonNode to;

    Severities(ResourceId id, JsonNode from, JsonNode to) {
        this.id = id;
        this.from = from;
        this.to = to;
    }

    /** The resource whose versions are compared. */
    ResourceId id() {
        return id;
    }

    DriftSeverity of(String ptr, JsonNode a, JsonNode b) {
        if (ptr.startsWith("/metadata/")) {
            // Network sets are chosen by their labels: a label change changes which rules match them.
            return id.kind().endsWith("NetworkSet") && ptr.startsWith("/metadata/labels") ? DriftSeverity.WARNING : DriftSeverity.INFO;
        }
        if (id.kind().equals("FelixConfiguration") && ptr.equals("/spec/wireguardEnabled")) {
            return a != null && a.asBoolean() && (b == null || !b.asBoolean()) ? DriftSeverity.CRITICAL : DriftSeverity.WARNING;
        }
        if (id.kind().equals("Tier") && ptr.equals("/spec/defaultAction")) {
            return b != null && b.asText().equals("Pass") ? DriftSeverity.CRITICAL : DriftSeverity.WARNING;
        }
        if (!Kinds.isCalicoPolicy(id.group(), id.kind())) {
            return DriftSeverity.WARNING;
        }
        if (ptr.equals("/spec/selector") || ptr.equals("/spec/namespaceSelector") || ptr.equals("/spec/serviceAccountSelector")) {
            // The policy may stop selecting endpoints it protected: unless the cluster's scope is provably wider.
            return isAll(b) && !isAll(a) ? DriftSeverity.WARNING : DriftSeverity.CRITICAL;
        }
        if (ptr.equals("/spec/types") || ptr.equals("/spec/policyTypes")) {
            return lost(a, b) ? DriftSeverity.CRITICAL : DriftSeverity.WARNING;
        }
        String[] parts = ptr.split("/");
        if (parts.length >= 5 && (parts[2].equals("ingress") || parts[2].equals("egress"))) {
            return ruleField(parts, a, b);
        }
        if (ptr.matches("/spec/(ingress|egress)/\\d+")) {
            return DriftSeverity.CRITICAL;
        }
        return DriftSeverity.WARNING;
    }

    private DriftSeverity ruleField(String[] parts, JsonNode a, JsonNode b) {
        int index = Integer.parseInt(parts[3]);
        String field = parts[4];
        String action = from.path("spec").path(parts[2]).path(index).path("action").asText("");
        if (field.equals("action")) {
            // Only two changes are provably harmless (calico-semantics §2): to Deny, the most restrictive action, and
            // from Allow, the most permissive (Pass and Log can at most lead to an Allow later). Deny -> Log lets the
            // packet fall through to later rules; Log -> Pass skips this tier's later Deny rules.
            String now = b == null ? "" : b.asText();
            return now.equals("Deny") || action.equals("Allow") ? DriftSeverity.WARNING : DriftSeverity.CRITICAL;
        }
        boolean scoping = SCOPE_FIELDS.contains(field) || field.equals("source") || field.equals("destination");
        if (!scoping || !(action.equals("Allow") || action.equals("Deny") || action.equals("Pass"))) {
            return DriftSeverity.WARNING;
        }
        if (action.equals("Pass")) {
            // Matching more skips this tier's later rules; matching less sends traffic on to them (a later Allow).
            return DriftSeverity.CRITICAL;
        }
        boolean deny = action.equals("Deny");
        String sub = parts.length > 5 ? parts[parts.length - 1] : field;
        if (SetFields.isSet("/" + sub)) {
            // An Allow that matches more, or a Deny that matches less, can let through what Git denies. notNets and
            // notPorts exclude: more members there means the rule matches less.
            boolean exclusion = sub.startsWith("not");
            boolean matchesMore = exclusion ? shrank(a, b) : wider(a, b);
            boolean matchesLess = exclusion ? grew(a, b) : narrower(a, b);
            return (deny ? matchesLess : matchesMore) ? DriftSeverity.CRITICAL : DriftSeverity.WARNING;
        }
        if (sub.equals("selector")) {
            // In a rule an absent selector matches everything, non-Calico addresses included; all() every endpoint.
            return (deny ? selectorContains(b, a) : selectorContains(a, b)) ? DriftSeverity.WARNING : DriftSeverity.CRITICAL;
        }
        if (sub.equals("namespaceSelector")) {
            // Absent means the policy's own namespace (NetworkPolicy) or every endpoint (GlobalNetworkPolicy): it
            // contains nothing provably, so only all() against a stated selector is a known widening.
            boolean widened = b != null && isAll(b) && a != null;
            boolean narrowed = a != null && isAll(a) && b != null;
            return (deny ? widened : narrowed) ? DriftSeverity.WARNING : DriftSeverity.CRITICAL;
        }
        if (sub.equals("protocol")) {
            // A protocol added narrows the rule, one removed widens it.
            boolean narrowed = a == null && b != null;
            boolean widened = a != null && b == null;
            if (deny) {
                return widened ? DriftSeverity.WARNING : DriftSeverity.CRITICAL;
            }
            return narrowed ? DriftSeverity.WARNING : DriftSeverity.CRITICAL;
        }
        return DriftSeverity.CRITICAL;
    }

    /** Whether rule selector {@code outer} provably matches everything {@code inner} matches (absent > all() > any). */
    private static boolean selectorContains(JsonNode outer, JsonNode inner) {
        return outer == null || isAll(outer) && inner != null;
    }

    DriftSeverity ruleRemoved(JsonNode rule) {
        // Without a Deny, traffic goes on to later rules; without a Pass, it stays in this tier for its later Allows.
        String action = rule.path("action").asText();
        return action.equals("Deny") || action.equals("Pass") ? DriftSeverity.CRITICAL : DriftSeverity.WARNING;
    }

    DriftSeverity ruleAdded(JsonNode rule) {
        String action = rule.path("action").asText();
        return action.equals("Allow") || action.equals("Pass") ? DriftSeverity.CRITICAL : DriftSeverity.WARNING;
    }

    private static boolean isAll(JsonNode n) {
        return n == null || n.asText().equals("all()") || n.asText().isEmpty();
    }

    /** Some member of {@code a} is not in {@code b} (a set lost members, or a scalar changed or vanished). */
    static boolean lost(JsonNode a, JsonNode b) {
        if (a == null) {
            return false;
        }
        if (b == null) {
            return true;
        }
        if (!a.isArray()) {
            return !a.equals(b);
        }
        for (JsonNode x : a) {
            boolean found = false;
            for (JsonNode y : b) {
                found |= x.equals(y);
            }
            if (!found) {
                return true;
            }
        }
        return false;
    }

    /** Members were removed from the list, or the whole list is gone. */
    static boolean shrank(JsonNode a, JsonNode b) {
        return a != null && (b == null || lost(a, b));
    }

    /** Members were added to the list, or a list appeared. */
    static boolean grew(JsonNode a, JsonNode b) {
        return b != null && (a == null || lost(b, a));
    }

    /** The cluster's list matches less than Git's: a constraint appeared, or members are gone. */
    static boolean narrower(JsonNode a, JsonNode b) {
        return b != null && (a == null || lost(a, b));
    }

    /** The cluster's list matches more than Git's: the constraint is gone (absent matches everything), or members were added. */
    static boolean wider(JsonNode a, JsonNode b) {
        return a != null && (b == null || lost(b, a));
    }
}
