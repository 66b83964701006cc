package io.calicogitops.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.Resource;
import io.calicogitops.selector.Selector;
import io.calicogitops.validate.Cidr;
import io.calicogitops.validate.Locator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the evaluator's model from Calico and Kubernetes documents: tiers, policies (Kubernetes NetworkPolicies as
 * {@code knp.default.<name>}), staged policies and network sets. Later documents with the same identity replace
 * earlier ones (like {@code kubectl apply}); every problem is collected with its location.
 */
public final class PolicyReader {

    /** What was read: the policy set and the network sets. */
    public record Result(PolicySet policies, List<NetworkSet> networkSets) {
    }

    private final Map<String, Tier> tiers = new LinkedHashMap<>();
    private final Map<String, Policy> policies = new LinkedHashMap<>();
    private final Map<String, Policy> staged = new LinkedHashMap<>();
    private final Map<String, NetworkSet> sets = new LinkedHashMap<>();
    private final Diagnostics diagnostics;

    public PolicyReader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    public static Result read(List<SourceDocument> docs, Diagnostics diagnostics) {
        PolicyReader reader = new PolicyReader(diagnostics);
        docs.forEach(reader::add);
        return reader.result();
    }

    public Result result() {
        return new Result(new PolicySet(List.copyOf(tiers.values()), List.copyOf(policies.values()), List.copyOf(staged.values())),
                List.copyOf(sets.values()));
    }

    /** Adds (or replaces) one document; kinds the evaluator does not use are ignored. */
    public void add(SourceDocument doc) {
        Resource r = doc.resource();
        String group = r.id().group();
        String kind = r.kind();
        JsonNode spec = r.spec();
        String ns = r.body().path("metadata").path("namespace").asText("");
        String name = r.body().path("metadata").path("name").asText("");
        if ("networking.k8s.io".equals(group) && "NetworkPolicy".equals(kind)) {
            put(KubernetesPolicies.convert(spec, ns.isEmpty() ? "default" : ns, name, false, doc.locator(), diagnostics), false);
            return;
        }
        if (!Kinds.CALICO_GROUP.equals(group)) {
            return;
        }
        switch (kind) {
            case "Tier" -> tiers.put(name, new Tier(name, number(spec.path("order")),
                    Action.parse(spec.path("defaultAction").asText("Deny")).orElse(Action.DENY)));
            case "GlobalNetworkPolicy" -> put(policy(PolicyKind.GLOBAL_NETWORK_POLICY, "", name, spec, false, doc.locator()), false);
            case "NetworkPolicy" -> put(policy(PolicyKind.NETWORK_POLICY, nsOrDefault(ns), name, spec, false, doc.locator()), false);
            case "StagedGlobalNetworkPolicy" -> put(policy(PolicyKind.GLOBAL_NETWORK_POLICY, "", name, spec, true, doc.locator()), true);
            case "StagedNetworkPolicy" -> put(policy(PolicyKind.NETWORK_POLICY, nsOrDefault(ns), name, spec, true, doc.locator()), true);
            case "StagedKubernetesNetworkPolicy" -> put(KubernetesPolicies.convert(spec, nsOrDefault(ns), name,
                    true, doc.locator(), diagnostics), true);
            case "GlobalThreatFeed" -> {
                // Calico fills the GlobalNetworkSet threatfeed.<name> with the pulled addresses (unknown offline);
                // its labels are what the feed's deny policies select.
                if (r.spec().has("globalNetworkSet")) {
                    TreeMap<String, String> labels = new TreeMap<>();
                    r.spec().path("globalNetworkSet").path("labels").fields()
                            .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
                    sets.put("/threatfeed." + name, new NetworkSet("", "threatfeed." + name, labels, List.of(), List.of()));
                }
            }
            case "GlobalNetworkSet", "NetworkSet" -> {
                String setNs = kind.equals("NetworkSet") ? nsOrDefault(ns) : "";
                sets.put(setNs + "/" + name, networkSet(setNs, name, r.body(), doc.locator()));
            }
            default -> {
            }
        }
    }

    /** Removes a resource ({@code Kind/name} or {@code Kind/namespace/name}), as {@code kubectl delete} would. */
    public void delete(String kind, String namespace, String name) {
        boolean stagedKind = kind.startsWith("Staged");
        String base = stagedKind ? kind.substring("Staged".length()) : kind;
        Map<String, Policy> target = stagedKind ? staged : policies;
        target.values().removeIf(p -> p.namespace().equals(namespace == null ? "" : namespace)
                && (p.name().equals(name) || p.name().equals("knp.default." + name))
                && kindMatches(p.kind(), base));
        if (kind.equals("Tier")) {
            tiers.remove(name);
        }
        if (kind.endsWith("NetworkSet")) {
            sets.remove((namespace == null ? "" : namespace) + "/" + name);
        }
    }

    private static boolean kindMatches(PolicyKind k, String kind) {
        return switch (kind) {
            case "GlobalNetworkPolicy" -> k == PolicyKind.GLOBAL_NETWORK_POLICY;
            case "NetworkPolicy" -> k == PolicyKind.NETWORK_POLICY || k == PolicyKind.KUBERNETES_NETWORK_POLICY;
            case "KubernetesNetworkPolicy" -> k == PolicyKind.KUBERNETES_NETWORK_POLICY;
            default -> false;
        };
    }

    private void put(Policy p, boolean isStaged) {
        if (p != null) {
            (isStaged ? staged : policies).put(p.key(), p);
        }
    }

    private static String nsOrDefault(String ns) {
        return ns.isEmpty() ? "default" : ns;
    }

    private Policy policy(PolicyKind kind, String ns, String name, JsonNode spec, boolean isStaged, Locator at) {
        String tier = spec.path("tier").asText("");
        tier = tier.isEmpty() ? Tier.DEFAULT : tier;
        List<Rule> ingress = rules(spec.path("ingress"), "/spec/ingress", at);
        List<Rule> egress = rules(spec.path("egress"), "/spec/egress", at);
        Set<Direction> types = EnumSet.noneOf(Direction.class);
        if (spec.path("types").isArray() && !spec.path("types").isEmpty()) {
            for (JsonNode t : spec.path("types")) {
                types.add("Egress".equals(t.asText()) ? Direction.EGRESS : Direction.INGRESS);
            }
        } else if (!egress.isEmpty() && ingress.isEmpty()) {
            // Calico's defaulting (calico-semantics §3.1): egress rules only -> [Egress]; both -> both; else [Ingress].
            types.add(Direction.EGRESS);
        } else {
            types.add(Direction.INGRESS);
            if (!egress.isEmpty()) {
                types.add(Direction.EGRESS);
            }
        }
        boolean delete = isStaged && "Delete".equals(spec.path("stagedAction").asText("Set"));
        Selector selector = Selectors.read(spec.path("selector"), "/spec/selector", at, diagnostics, true);
        Selector nsSel = Selectors.read(spec.path("namespaceSelector"), "/spec/namespaceSelector", at, diagnostics, false);
        Selector saSel = Selectors.read(spec.path("serviceAccountSelector"), "/spec/serviceAccountSelector", at, diagnostics, false);
        return new Policy(kind, ns, name, tier, number(spec.path("order")), selector, nsSel, saSel, types, ingress, egress,
                isStaged, delete, () -> at.at("/metadata/name"), at);
    }

    private List<Rule> rules(JsonNode list, String pointer, Locator at) {
        List<Rule> out = new ArrayList<>();
        int i = 0;
        for (JsonNode r : list) {
            String p = pointer + "/" + i;
            i++;
            Action action = Action.parse(r.path("action").asText("")).orElse(null);
            if (action == null) {
                diagnostics.error(at.at(p + "/action"), "rule action '" + r.path("action").asText("") + "' is not Allow, Deny, Log or Pass");
                continue;
            }
            int proto = protocol(r.path("protocol"), p + "/protocol", at);
            int notProto = protocol(r.path("notProtocol"), p + "/notProtocol", at);
            out.add(new Rule(i, action, proto, notProto, entity(r.path("source"), p + "/source", at),
                    entity(r.path("destination"), p + "/destination", at), icmp(r.path("icmp")), icmp(r.path("notICMP")), () -> at.at(p)));
        }
        return out;
    }

    private int protocol(JsonNode n, String pointer, Locator at) {
        if (n.isMissingNode() || n.isNull() || n.asText().isEmpty()) {
            return Rule.ANY;
        }
        var num = Protocols.number(n.asText());
        if (num.isEmpty()) {
            diagnostics.error(at.at(pointer), "unknown protocol '" + n.asText() + "'");
            return Rule.ANY;
        }
        return num.getAsInt();
    }

    private EntityRule entity(JsonNode e, String p, Locator at) {
        if (e.isMissingNode() || e.isNull() || e.isEmpty()) {
            return EntityRule.ANY;
        }
        JsonNode nsNode = e.path("namespaceSelector");
        boolean global = nsNode.isTextual() && nsNode.asText().strip().equals("global()");
        Selector nsSel = global ? null : Selectors.read(nsNode, p + "/namespaceSelector", at, diagnostics, true);
        JsonNode sa = e.path("serviceAccounts");
        List<String> saNames = new ArrayList<>();
        sa.path("names").forEach(n -> saNames.add(n.asText()));
        return new EntityRule(
                Selectors.read(e.path("selector"), p + "/selector", at, diagnostics, false),
                nsSel, global,
                Selectors.read(e.path("notSelector"), p + "/notSelector", at, diagnostics, false),
                saNames,
                Selectors.read(sa.path("selector"), p + "/serviceAccounts/selector", at, diagnostics, false),
                cidrs(e.path("nets"), p + "/nets", at), cidrs(e.path("notNets"), p + "/notNets", at),
                ports(e.path("ports")), ports(e.path("notPorts")), strings(e.path("domains")));
    }

    private List<Cidr> cidrs(JsonNode list, String p, Locator at) {
        List<Cidr> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : list) {
            try {
                out.add(Cidr.parse(n.asText()));
            } catch (IllegalArgumentException ex) {
                diagnostics.error(at.at(p + "/" + i), "'" + n.asText() + "' is not a CIDR: " + ex.getMessage());
            }
            i++;
        }
        return out;
    }

    static List<PortRange> ports(JsonNode list) {
        List<PortRange> out = new ArrayList<>();
        list.forEach(n -> out.add(PortRange.parse(n.asText())));
        return out;
    }

    static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    private NetworkSet networkSet(String ns, String name, JsonNode body, Locator at) {
        TreeMap<String, String> labels = new TreeMap<>();
        body.path("metadata").path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        JsonNode spec = body.path("spec");
        return new NetworkSet(ns, name, labels, cidrs(spec.path("nets"), "/spec/nets", at),
                strings(spec.path("allowedEgressDomains")));
    }

    private static Double number(JsonNode n) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isTextual()) {
            try {
                return Double.parseDouble(n.asText());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
    private static Rule.Icmp icmp(com.fasterxml.jackson.databind.JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        return new Rule.Icmp(n.path("type").isNumber() ? n.path("type").asInt() : null,
                n.path("code").isNumber() ? n.path("code").asInt() : null);
    }
}
