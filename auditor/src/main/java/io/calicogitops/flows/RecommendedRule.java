package io.calicogitops.flows;

import java.util.List;
import java.util.Objects;

/**
 * One recommended {@code Allow} rule: a peer, one protocol and the observed destination ports (none for ICMP), with
 * the evidence that justifies it. For a domains rule {@code domains} lists every domain of the rule.
 */
public record RecommendedRule(RecommendedPeer peer, String protocol, List<Integer> ports, List<String> domains,
                              Evidence evidence) {

    public RecommendedRule {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(protocol, "protocol");
        ports = List.copyOf(ports);
        domains = List.copyOf(domains);
    }

    /** How the rule reads in summaries: {@code TCP 8080 namespace storefront}. */
    public String display() {
        String p = ports.isEmpty() ? "" : " " + String.join(",", ports.stream().map(String::valueOf).toList());
        String peerText = peer.scope() == RecommendedPeer.Scope.DOMAINS ? "domains " + String.join(",", domains) : peer.display();
        return protocol + p + " " + peerText;
    }
}
