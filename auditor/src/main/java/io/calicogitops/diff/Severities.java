package io.calicogitops.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.ResourceId;

import java.util.Set;

/**
 * Severity by effect on traffic, not by text (README, "Severity rules"). CRITICAL: the change can allow traffic that
 * Git denies (a Deny rule gone or turned into Allow/Pass, an extra Allow, a deny's scope possibly narrowed or an
 * allow's possibly widened, a direction dropped from types, a tier's default action Pass, WireGuard off). WARNING:
 * other spec changes. INFO: labels and annotations of objects nothing selects. A change whose effect cannot be
 * proven harmless counts as the worse case.
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
            String now = b == null ? "" : b.asText();
            boolean opens = (action.equals("Deny") && !now.equals("Deny") && !now.equals("Log") && !now.isEmpty())
                    || (action.equals("Pass") && now.equals("Allow")) || (action.equals("Log") && now.equals("Allow"));
            return opens ? DriftSeverity.CRITICAL : DriftSeverity.WARNING;
        }
        boolean scoping = SCOPE_FIELDS.contains(field) || field.equals("source") || field.equals("destination");
        if (!scoping || !(action.equals("Allow") || action.equals("Deny") || action.equals("Pass"))) {
            return DriftSeverity.WARNING;
        }
        String sub = parts.length > 5 ? parts[parts.length - 1] : field;
        if (SetFields.isSet("/" + sub)) {
            // An Allow that matches more, or a Deny that matches less, can let through what Git denies.
            if (action.equals("Deny")) {
                return narrower(a, b) ? DriftSeverity.CRITICAL : DriftSeverity.WARNING;
            }
            return wider(a, b) ? DriftSeverity.CRITICAL : DriftSeverity.WARNING;
        }
        if (sub.equals("selector") || sub.equals("namespaceSelector")) {
            if (action.equals("Deny")) {
                return isAll(b) && !isAll(a) ? DriftSeverity.WARNING : DriftSeverity.CRITICAL;
            }
            return b != null && isAll(a) ? DriftSeverity.WARNING : DriftSeverity.CRITICAL;
        }
        if (sub.equals("protocol")) {
            // A protocol added narrows the rule, one removed widens it.
            boolean narrowed = a == null && b != null;
            boolean widened = a != null && b == null;
            if (action.equals("Deny")) {
                return widened ? DriftSeverity.WARNING : DriftSeverity.CRITICAL;
            }
            return narrowed ? DriftSeverity.WARNING : DriftSeverity.CRITICAL;
        }
        return DriftSeverity.CRITICAL;
    }

    DriftSeverity ruleRemoved(JsonNode rule) {
        String action = rule.path("action").asText();
        return action.equals("Deny") ? DriftSeverity.CRITICAL : DriftSeverity.WARNING;
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

    /** The cluster's list matches less than Git's: a constraint appeared, or members are gone. */
    static boolean narrower(JsonNode a, JsonNode b) {
        return b != null && (a == null || lost(a, b));
    }

    /** The cluster's list matches more than Git's: the constraint is gone (absent matches everything), or members were added. */
    static boolean wider(JsonNode a, JsonNode b) {
        return a != null && (b == null || lost(b, a));
    }
}
