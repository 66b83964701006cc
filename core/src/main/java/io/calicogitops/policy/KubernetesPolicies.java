package io.calicogitops.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.selector.Selector;
import io.calicogitops.validate.Cidr;
import io.calicogitops.validate.Locator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes NetworkPolicy as Calico runs it: policy {@code knp.default.<name>} in tier default at order 1000,
 * one Allow rule per peer and protocol.
 */
final class KubernetesPolicies {

    static final double ORDER = 1000;

    private KubernetesPolicies() {
    }

    static Policy convert(JsonNode spec, String ns, String name, boolean staged, Locator at, Diagnostics diagnostics) {
        Selector selector = Selectors.fromLabelSelector(spec.path("podSelector"));
        List<Rule> ingress = rules(spec.path("ingress"), "from", true, "/spec/ingress", at, diagnostics);
        List<Rule> egress = rules(spec.path("egress"), "to", false, "/spec/egress", at, diagnostics);
        Set<Direction> types = EnumSet.noneOf(Direction.class);
        if (spec.path("policyTypes").isArray() && !spec.path("policyTypes").isEmpty()) {
            spec.path("policyTypes").forEach(t -> types.add("Egress".equals(t.asText()) ? Direction.EGRESS : Direction.INGRESS));
        } else {
            types.add(Direction.INGRESS);
            if (spec.has("egress")) {
                types.add(Direction.EGRESS);
            }
        }
        return new Policy(PolicyKind.KUBERNETES_NETWORK_POLICY, ns, "knp.default." + name, Tier.DEFAULT, ORDER, selector,
                null, null, types, ingress, egress, staged, false, () -> at.at("/metadata/name"), at);
    }

    private static List<Rule> rules(JsonNode list, String peersKey, boolean ingress, String pointer, Locator at,
                                    Diagnostics diagnostics) {
        List<Rule> out = new ArrayList<>();
        int i = 0;
        for (JsonNode r : list) {
            String p = pointer + "/" + i++;
            List<EntityRule> peers = new ArrayList<>();
            if (!r.path(peersKey).isArray() || r.path(peersKey).isEmpty()) {
                peers.add(EntityRule.ANY);
            } else {
                for (JsonNode peer : r.path(peersKey)) {
                    peers.add(peer(peer, at.at(p), diagnostics));
                }
            }
            Map<Integer, List<PortRange>> byProtocol = new LinkedHashMap<>();
            for (JsonNode port : r.path("ports")) {
                int proto = Protocols.number(port.path("protocol").asText("TCP")).orElse(Protocols.TCP);
                List<PortRange> ranges = byProtocol.computeIfAbsent(proto, k -> new ArrayList<>());
                if (port.has("port")) {
                    PortRange one = PortRange.parse(port.path("port").asText());
                    ranges.add(port.has("endPort") && !one.isNamed()
                            ? new PortRange(one.min(), port.path("endPort").asInt(), null) : one);
                }
            }
            if (byProtocol.isEmpty()) {
                byProtocol.put(Rule.ANY, List.of());
            }
            for (EntityRule peer : peers) {
                for (Map.Entry<Integer, List<PortRange>> e : byProtocol.entrySet()) {
                    EntityRule ports = new EntityRule(null, null, false, null, List.of(), null, List.of(), List.of(),
                            e.getValue(), List.of(), List.of());
                    out.add(new Rule(out.size() + 1, Action.ALLOW, e.getKey(), Rule.ANY, ingress ? peer : EntityRule.ANY,
                            ingress ? ports : merge(peer, e.getValue()), null, null, () -> at.at(p)));
                }
            }
        }
        return out;
    }

    private static EntityRule merge(EntityRule peer, List<PortRange> ports) {
        return new EntityRule(peer.selector(), peer.namespaceSelector(), false, null, List.of(), null, peer.nets(),
                peer.notNets(), ports, List.of(), List.of());
    }

    private static EntityRule peer(JsonNode peer, io.calicogitops.diag.SourceLocation where, Diagnostics diagnostics) {
        if (peer.has("ipBlock")) {
            List<Cidr> nets = new ArrayList<>();
            List<Cidr> except = new ArrayList<>();
            try {
                nets.add(Cidr.parse(peer.path("ipBlock").path("cidr").asText()));
                for (JsonNode x : peer.path("ipBlock").path("except")) {
                    except.add(Cidr.parse(x.asText()));
                }
            } catch (IllegalArgumentException e) {
                diagnostics.error(where, "ipBlock: " + e.getMessage());
            }
            return new EntityRule(null, null, false, null, List.of(), null, nets, except, List.of(), List.of(), List.of());
        }
        Selector pods = peer.has("podSelector") ? Selectors.fromLabelSelector(peer.path("podSelector")) : null;
        Selector namespaces = peer.has("namespaceSelector") ? Selectors.fromLabelSelector(peer.path("namespaceSelector")) : null;
        return new EntityRule(pods == null && namespaces == null ? Selector.parse("all()") : pods, namespaces, false, null,
                List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
