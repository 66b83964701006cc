package io.calicogitops.flows;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.flows.PolicyHit.HitAction;
import io.calicogitops.flows.PolicyHit.HitKind;
import io.calicogitops.memo.BoundedMemo;

import java.util.HashMap;
import java.util.Locale;

/**
 * Parses policy-trace entries: Enterprise strings {@code <index>|<tier>|<name part>|<action>|<rule index>} with either
 * name syntax, and Goldmane/Whisker {@code PolicyHit} objects. The legacy syntax (Enterprise; OSS Felix up to 3.31)
 * prints {@code ns/tier.name}, {@code ns/tier.staged:name}, {@code ns/knp.default.name}; the kind-prefixed one (OSS
 * Felix 3.32+, projectcalico/calico#11603) {@code np:ns/name}, {@code sgnp:name}, {@code pro:kns.ns}. A {@code ^[a-z]+:}
 * prefix tells them apart. Parsing is lenient where the docs and the code disagree ({@code ns/staged:tier.name}).
 */
public final class PolicyTraceParser {

    private static final String KNP = "knp.default.";

    /** The most distinct entries a {@link #memo()} holds before it is emptied. */
    static final int MEMO_ENTRIES = 1 << 16;

    private PolicyTraceParser() {
    }

    /**
     * {@link #parse(String)} through a bounded memo: a flow log repeats the same few hundred entries on every record,
     * and a {@link PolicyHit} is immutable and a function of its text alone, so the remembered hit is the one a fresh
     * parse would give (a malformed entry throws every time). Sharing the instances also lets {@link TraceMatcher}
     * remember what it looked up per hit. One per reader: not thread-safe.
     */
    static BoundedMemo<String, PolicyHit> memo() {
        return new BoundedMemo<>(new HashMap<>(), MEMO_ENTRIES, PolicyTraceParser::parse);
    }

    /** One entry of {@code enforced_policies} or {@code pending_policies}. */
    public static PolicyHit parse(String text) {
        String[] parts = fields(text);
        if (parts == null) {
            throw new MalformedRecordException("policy entry '" + text + "': expected <index>|<tier>|<name>|<action>|<rule index>");
        }
        int index = integer(parts[0], "index", text);
        String tier = parts[1];
        if (index < 0 || tier.isEmpty() || parts[2].isEmpty()) {
            throw new MalformedRecordException("policy entry '" + text + "': needs an index >= 0, a tier and a name");
        }
        int rule = integer(parts[4], "rule index", text);
        if (rule < -2) {
            throw new MalformedRecordException("policy entry '" + text + "': rule index must be >= -2 (got " + rule + ")");
        }
        HitAction action = action(parts[3], text);
        String part = parts[2];
        int colon = part.indexOf(':');
        boolean kindPrefixed = colon > 0 && lowercaseLetters(part, colon);
        Name n = kindPrefixed ? kindPrefixed(part.substring(0, colon), part.substring(colon + 1), text) : legacy(tier, part);
        return new PolicyHit(index, tier, n.kind, n.namespace, n.name, n.staged, action, rule, text);
    }

    /** The five '|'-separated fields of an entry (what split("\\|", -1) gives), or null for another count. */
    private static String[] fields(String text) {
        String[] parts = new String[5];
        int start = 0;
        for (int k = 0; k < 4; k++) {
            int bar = text.indexOf('|', start);
            if (bar < 0) {
                return null;
            }
            parts[k] = text.substring(start, bar);
            start = bar + 1;
        }
        if (text.indexOf('|', start) >= 0) {
            return null;
        }
        parts[4] = text.substring(start);
        return parts;
    }

    /** Whether the first {@code end} characters are all a-z (a kind prefix such as {@code gnp}). */
    private static boolean lowercaseLetters(String s, int end) {
        for (int k = 0; k < end; k++) {
            char c = s.charAt(k);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    private record Name(HitKind kind, String namespace, String name, boolean staged) {
    }

    private static Name kindPrefixed(String kind, String rest, String text) {
        int slash = rest.indexOf('/');
        String ns = slash > 0 ? rest.substring(0, slash) : null;
        String name = slash > 0 ? rest.substring(slash + 1) : rest;
        return switch (kind) {
            case "gnp" -> new Name(HitKind.GLOBAL_NETWORK_POLICY, null, rest, false);
            case "sgnp" -> new Name(HitKind.GLOBAL_NETWORK_POLICY, null, rest, true);
            case "np" -> new Name(HitKind.NETWORK_POLICY, ns, name, false);
            case "snp" -> new Name(HitKind.NETWORK_POLICY, ns, name, true);
            case "knp" -> new Name(HitKind.KUBERNETES_NETWORK_POLICY, ns, name, false);
            case "sknp" -> new Name(HitKind.KUBERNETES_NETWORK_POLICY, ns, name, true);
            case "pro" -> profile(rest);
            case "kcnp" -> new Name(HitKind.CLUSTER_NETWORK_POLICY, null, rest, false);
            case "kanp", "anp" -> new Name(HitKind.ADMIN_NETWORK_POLICY, null, rest, false);
            case "kbanp", "banp" -> new Name(HitKind.BASELINE_ADMIN_NETWORK_POLICY, null, rest, false);
            default -> throw new MalformedRecordException("policy entry '" + text + "': unknown policy kind '" + kind + ":'");
        };
    }

    private static Name profile(String name) {
        return new Name(HitKind.PROFILE, name.startsWith("kns.") ? name.substring(4) : null, name, false);
    }

    // Felix (names.DeconstructPolicyName) prints <tier>.<name without tier prefix>, so strip the tier prefix here.
    private static Name legacy(String tier, String part) {
        if (tier.equals(PolicyHit.PROFILE_TIER) || part.startsWith(PolicyHit.PROFILE_TIER + ".")) {
            return profile(part.startsWith(PolicyHit.PROFILE_TIER + ".") ? part.substring(PolicyHit.PROFILE_TIER.length() + 1) : part);
        }
        if (part.startsWith("kanp.adminnetworkpolicy.")) {
            return new Name(HitKind.ADMIN_NETWORK_POLICY, null, part.substring("kanp.adminnetworkpolicy.".length()), false);
        }
        if (part.startsWith("kbanp.baselineadminnetworkpolicy.")) {
            return new Name(HitKind.BASELINE_ADMIN_NETWORK_POLICY, null,
                    part.substring("kbanp.baselineadminnetworkpolicy.".length()), false);
        }
        int slash = part.indexOf('/');
        String ns = slash > 0 ? part.substring(0, slash) : null;
        String rest = slash > 0 ? part.substring(slash + 1) : part;
        boolean staged = false;
        if (rest.startsWith("staged:")) {
            staged = true;
            rest = rest.substring("staged:".length());
        }
        if (ns != null && rest.startsWith(KNP)) {
            return new Name(HitKind.KUBERNETES_NETWORK_POLICY, ns, rest.substring(KNP.length()), staged);
        }
        if (rest.startsWith(tier + ".")) {
            rest = rest.substring(tier.length() + 1);
        }
        if (rest.startsWith("staged:")) {
            staged = true;
            rest = rest.substring("staged:".length());
        }
        return new Name(ns == null ? HitKind.GLOBAL_NETWORK_POLICY : HitKind.NETWORK_POLICY, ns, rest, staged);
    }

    /**
     * A Goldmane {@code PolicyHit} (or Whisker's rendering of it): enums as integers or names, zero fields omitted (Go
     * {@code encoding/json} with {@code omitempty}), the profile's tier empty, an {@code EndOfTier} hit naming its
     * policy in {@code trigger}. {@code position} is used when {@code policy_index} is absent and the hit is not first.
     */
    public static PolicyHit parse(JsonNode hit, int position) {
        if (!hit.isObject()) {
            throw new MalformedRecordException("policy hit: expected an object (got " + hit.getNodeType().toString().toLowerCase(Locale.ROOT) + ")");
        }
        int index = hit.has("policy_index") ? hit.get("policy_index").asInt() : position;
        String kind = goldmaneKind(hit.path("kind"));
        boolean endOfTier = kind.equals("EndOfTier");
        JsonNode named = endOfTier && hit.path("trigger").isObject() ? hit.path("trigger") : hit;
        if (endOfTier) {
            kind = goldmaneKind(named.path("kind"));
        }
        String tier = hit.path("tier").asText("");
        String ns = named.path("namespace").asText("");
        String name = named.path("name").asText("");
        HitAction action = action(goldmaneAction(hit.path("action")), hit.toString());
        int rule = endOfTier ? PolicyHit.END_OF_TIER : hit.path("rule_index").asInt(0);
        Name n = switch (kind) {
            case "CalicoNetworkPolicy" -> new Name(HitKind.NETWORK_POLICY, ns, name, false);
            case "StagedNetworkPolicy" -> new Name(HitKind.NETWORK_POLICY, ns, name, true);
            case "GlobalNetworkPolicy" -> new Name(HitKind.GLOBAL_NETWORK_POLICY, null, name, false);
            case "StagedGlobalNetworkPolicy" -> new Name(HitKind.GLOBAL_NETWORK_POLICY, null, name, true);
            case "NetworkPolicy" -> new Name(HitKind.KUBERNETES_NETWORK_POLICY, ns, name, false);
            case "StagedKubernetesNetworkPolicy" -> new Name(HitKind.KUBERNETES_NETWORK_POLICY, ns, name, true);
            case "AdminNetworkPolicy" -> new Name(HitKind.ADMIN_NETWORK_POLICY, null, name, false);
            case "BaselineAdminNetworkPolicy" -> new Name(HitKind.BASELINE_ADMIN_NETWORK_POLICY, null, name, false);
            case "ClusterNetworkPolicy" -> new Name(HitKind.CLUSTER_NETWORK_POLICY, null, name, false);
            case "Profile" -> profile(name);
            default -> throw new MalformedRecordException("policy hit " + hit + ": unknown or missing kind");
        };
        if (name.isEmpty()) {
            throw new MalformedRecordException("policy hit " + hit + ": no policy name");
        }
        tier = tier.isEmpty() && n.kind == HitKind.PROFILE ? PolicyHit.PROFILE_TIER : tier;
        if (tier.isEmpty()) {
            throw new MalformedRecordException("policy hit " + hit + ": no tier");
        }
        String text = index + "|" + tier + "|" + kind + ":" + (ns.isEmpty() ? "" : ns + "/") + name + "|"
                + action.name().toLowerCase(Locale.ROOT) + "|" + rule;
        return new PolicyHit(index, tier, n.kind, n.namespace == null || n.namespace.isEmpty() ? null : n.namespace,
                n.name, n.staged, action, rule, text);
    }

    private static final String[] KINDS = {"", "CalicoNetworkPolicy", "GlobalNetworkPolicy", "StagedNetworkPolicy",
        "StagedGlobalNetworkPolicy", "StagedKubernetesNetworkPolicy", "NetworkPolicy", "AdminNetworkPolicy",
        "BaselineAdminNetworkPolicy", "Profile", "EndOfTier", "ClusterNetworkPolicy"};

    private static String goldmaneKind(JsonNode kind) {
        if (kind.isInt()) {
            int k = kind.asInt();
            return k > 0 && k < KINDS.length ? KINDS[k] : "";
        }
        return kind.asText("");
    }

    private static String goldmaneAction(JsonNode action) {
        if (action.isInt()) {
            return switch (action.asInt()) {
                case 1 -> "allow";
                case 2 -> "deny";
                case 3 -> "pass";
                default -> "";
            };
        }
        return action.asText("");
    }

    private static HitAction action(String text, String entry) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "allow" -> HitAction.ALLOW;
            case "deny" -> HitAction.DENY;
            case "pass" -> HitAction.PASS;
            default -> throw new MalformedRecordException("policy entry '" + entry + "': action must be allow, deny or pass (got '" + text + "')");
        };
    }

    private static int integer(String text, String what, String entry) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new MalformedRecordException("policy entry '" + entry + "': " + what + " is not a number ('" + text + "')");
        }
    }
}
