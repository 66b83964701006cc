package io.calicogitops.flows;

import io.calicogitops.flows.FlowEndpoint.EndpointType;

import java.util.Optional;

/**
 * The remote end of an observed flow as a recommended rule names it, classified as Calico's Policy Recommender
 * does (policy-recommendation engine rules.go): a network set, a namespace, private or public nets, a domain or a
 * service. Declaration order is the order of rule groups in a recommended policy (recommendation.go).
 *
 * @param scope     the rule group
 * @param namespace the peer's namespace (NAMESPACE, SERVICE, a namespaced NETWORK_SET), else null
 * @param name      the network set, service or domain name, else null
 */
public record RecommendedPeer(Scope scope, String namespace, String name) implements Comparable<RecommendedPeer> {

    /** Rule groups in the order Calico's recommender writes them; the annotation value is Calico's scope name. */
    public enum Scope { DOMAINS, SERVICE, NAMESPACE, NETWORK_SET, PRIVATE, PUBLIC }

    /** The peer of {@code r} for a rule of the traced endpoint; empty for a host endpoint (no rule shape for it). */
    public static Optional<RecommendedPeer> of(FlowRecord r, boolean egress) {
        FlowEndpoint remote = egress ? r.destination() : r.source();
        EndpointType type = remote.type();
        if (type == EndpointType.NS) {
            return Optional.of(new RecommendedPeer(Scope.NETWORK_SET, remote.namespace(), remote.nameAggr()));
        }
        if (type == EndpointType.WEP && remote.namespace() != null) {
            return Optional.of(new RecommendedPeer(Scope.NAMESPACE, remote.namespace(), null));
        }
        if (type == EndpointType.NET && "pvt".equals(remote.nameAggr())) {
            return Optional.of(new RecommendedPeer(Scope.PRIVATE, null, null));
        }
        if (type == EndpointType.NET && egress && !r.destDomains().isEmpty()) {
            // One domain per peer: each must reach --min-intervals on its own; the rule lists them together.
            return Optional.of(new RecommendedPeer(Scope.DOMAINS, null, r.destDomains().stream().sorted().findFirst().orElseThrow()));
        }
        if (type == EndpointType.NET && egress && r.destServiceName() != null) {
            return Optional.of(new RecommendedPeer(Scope.SERVICE, r.destServiceNamespace(), r.destServiceName()));
        }
        if (type == EndpointType.NET) {
            return Optional.of(new RecommendedPeer(Scope.PUBLIC, null, null));
        }
        return Optional.empty();
    }

    /**
     * True when a rule for this peer also matches traffic to or from {@code other}: a public rule (no peer) matches
     * everything, a private-nets rule every address that is not public, the others only their own peer.
     */
    public boolean covers(RecommendedPeer other) {
        return switch (scope) {
            case PUBLIC -> true;
            case PRIVATE -> other.scope != Scope.PUBLIC && other.scope != Scope.DOMAINS;
            default -> equals(other);
        };
    }

    /** How the peer reads in summaries: {@code namespace storefront}, {@code domain api.twilio.com}, ... */
    public String display() {
        return switch (scope) {
            case DOMAINS -> "domain " + name;
            case SERVICE -> "service " + namespace + "/" + name;
            case NAMESPACE -> "namespace " + namespace;
            case NETWORK_SET -> "network set " + (namespace == null ? "" : namespace + "/") + name;
            case PRIVATE -> "private nets";
            case PUBLIC -> "public nets";
        };
    }

    @Override
    public int compareTo(RecommendedPeer o) {
        int c = scope.compareTo(o.scope);
        if (c == 0) {
            c = String.valueOf(namespace).compareTo(String.valueOf(o.namespace));
        }
        return c != 0 ? c : String.valueOf(name).compareTo(String.valueOf(o.name));
    }
}
