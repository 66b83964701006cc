package io.calicogitops.flows;

import com.fasterxml.jackson.databind.node.TextNode;
import io.calicogitops.flows.RecommendedPeer.Scope;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A {@link Recommendation} as a user policy pack ({@code render --templates DIR}): folder
 * {@code recommended-<cluster>/} with a {@code pack.yaml} that limits it to that cluster and declares one
 * staged/enforced switch per policy, and one template per namespace that renders the StagedNetworkPolicy until
 * {@code promote} sets the switch, then the NetworkPolicy with the same name and spec.
 *
 * <p>Why staged with the default {@code stagedAction} (Set) and not Calico's {@code Learn}: {@code Learn} marks an
 * object the recommendation engine owns and rewrites; here Git owns it, the reviewed staged policy is the proposal,
 * and promotion is a kind change made through the profile, as for the default deny.
 */
public final class RecommendationPack {

    private RecommendationPack() {
    }

    /** The pack's folder name. */
    public static String packName(String cluster) {
        return "recommended-" + cluster;
    }

    /** Relative path (under the templates folder) to file content, sorted. */
    public static SortedMap<String, String> files(Recommendation rec) {
        SortedMap<String, String> files = new TreeMap<>();
        String pack = packName(rec.cluster());
        StringBuilder manifest = new StringBuilder();
        manifest.append("# Policies recommended by calico-gitops recommend from the flow logs of ").append(rec.cluster())
                .append(".\n# Rendered for this cluster only; each mode is the profile value values.<key> (staged or enforced).\n");
        manifest.append("clusters:\n- ").append(q(rec.cluster())).append('\n');
        manifest.append(rec.policies().isEmpty() ? "modes: {}\n" : "modes:\n");
        for (RecommendedPolicy p : rec.policies()) {
            manifest.append("  ").append(p.modeKey()).append(": staged\n");
        }
        files.put(pack + "/pack.yaml", manifest.toString());
        for (RecommendedPolicy p : rec.policies()) {
            files.put(pack + "/" + p.namespace() + "-recommendation.yaml.mustache", template(rec, p));
        }
        return files;
    }

    private static String template(Recommendation rec, RecommendedPolicy p) {
        StringBuilder t = new StringBuilder();
        t.append("# Recommended for namespace ").append(p.namespace()).append(" of cluster ").append(rec.cluster())
                .append(" from observed unprotected traffic\n");
        t.append("# (flows seen in at least ").append(rec.minIntervals()).append(" intervals; evidence per rule in its annotation).\n");
        t.append("# `calico-gitops promote --policy ").append(p.name()).append("` enforces it:\n");
        t.append("# promote: ").append(p.name()).append(" /values/").append(p.modeKey()).append("=enforced\n");
        String mode = "modes." + p.modeKey();
        t.append("{{#").append(mode).append(".staged}}\n").append(document(p, "StagedNetworkPolicy"))
                .append("{{/").append(mode).append(".staged}}\n---\n");
        t.append("{{#").append(mode).append(".enforced}}\n").append(document(p, "NetworkPolicy"))
                .append("{{/").append(mode).append(".enforced}}\n");
        return t.toString();
    }

    private static String document(RecommendedPolicy p, String kind) {
        StringBuilder d = new StringBuilder();
        d.append("apiVersion: projectcalico.org/v3\nkind: ").append(kind).append('\n');
        d.append("metadata:\n  name: ").append(q(p.name())).append("\n  namespace: ").append(q(p.namespace())).append('\n');
        d.append("spec:\n  tier: ").append(q(p.tier())).append("\n  order: ").append(p.order()).append('\n');
        d.append("  selector: ").append(q("projectcalico.org/namespace == \"" + p.namespace() + "\"")).append('\n');
        d.append("  types:\n");
        p.types().forEach(type -> d.append("  - ").append(type).append('\n'));
        rules(d, "ingress", p.ingress(), false);
        rules(d, "egress", p.egress(), true);
        return d.toString();
    }

    private static void rules(StringBuilder d, String key, List<RecommendedRule> rules, boolean egress) {
        if (rules.isEmpty()) {
            return;
        }
        d.append("  ").append(key).append(":\n");
        for (RecommendedRule r : rules) {
            d.append("  - action: Allow\n");
            d.append("    protocol: ").append(r.protocol().matches("[0-9]+") ? r.protocol() : q(r.protocol())).append('\n');
            d.append("    metadata:\n      annotations:\n");
            d.append("        calico-gitops.io/recommendation-scope: ").append(q(scopeName(r.peer().scope()))).append('\n');
            d.append("        calico-gitops.io/observed: ").append(q(r.evidence().annotation())).append('\n');
            StringBuilder peer = new StringBuilder();
            peerMatch(peer, r);
            if (egress) {
                d.append("    destination:\n").append(peer).append(ports(r));
            } else {
                d.append(peer.isEmpty() ? "" : "    source:\n" + peer);
                String ports = ports(r);
                d.append(ports.isEmpty() ? "" : "    destination:\n" + ports);
            }
            if (egress && peer.isEmpty() && ports(r).isEmpty()) {
                d.append("      {}\n");
            }
        }
    }

    /** The peer as Calico's recommender writes it (flow-logs.md 6.2 table). */
    private static void peerMatch(StringBuilder d, RecommendedRule r) {
        RecommendedPeer peer = r.peer();
        switch (peer.scope()) {
            case DOMAINS -> {
                d.append("      domains:\n");
                r.domains().forEach(x -> d.append("      - ").append(q(x)).append('\n'));
            }
            case SERVICE -> d.append("      services:\n        name: ").append(q(peer.name()))
                    .append("\n        namespace: ").append(q(peer.namespace())).append('\n');
            case NAMESPACE -> d.append("      namespaceSelector: ")
                    .append(q("projectcalico.org/name == \"" + peer.namespace() + "\"")).append('\n');
            case NETWORK_SET -> d.append("      selector: ")
                    .append(q("projectcalico.org/name == \"" + peer.name() + "\" && projectcalico.org/kind == \""
                            + (peer.namespace() == null ? "GlobalNetworkSet" : "NetworkSet") + "\""))
                    .append("\n      namespaceSelector: ")
                    .append(q(peer.namespace() == null ? "global()" : "projectcalico.org/name == \"" + peer.namespace() + "\""))
                    .append('\n');
            case PRIVATE -> d.append("      nets:\n      - 10.0.0.0/8\n      - 172.16.0.0/12\n      - 192.168.0.0/16\n");
            case PUBLIC -> {
            }
        }
    }

    private static String ports(RecommendedRule r) {
        // A Service match takes its ports from the Service (Calico refuses ports beside destination.services).
        if (r.ports().isEmpty() || r.peer().scope() == Scope.SERVICE) {
            return "";
        }
        StringBuilder p = new StringBuilder("      ports:\n");
        r.ports().forEach(port -> p.append("      - ").append(port).append('\n'));
        return p.toString();
    }

    /** Calico's scope annotation values (Domains, Service, Namespace, NetworkSet, Private, Public). */
    static String scopeName(Scope scope) {
        return switch (scope) {
            case DOMAINS -> "Domains";
            case SERVICE -> "Service";
            case NAMESPACE -> "Namespace";
            case NETWORK_SET -> "NetworkSet";
            case PRIVATE -> "Private";
            case PUBLIC -> "Public";
        };
    }

    /** A YAML double-quoted scalar (JSON string syntax, which YAML reads verbatim). */
    private static String q(String s) {
        return new TextNode(s).toString();
    }
}
