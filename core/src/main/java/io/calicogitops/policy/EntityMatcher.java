package io.calicogitops.policy;

import io.calicogitops.selector.Selector;
import io.calicogitops.validate.Cidr;
import io.calicogitops.validate.DomainPattern;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Calico's rule matching, straight from the semantics (calico-semantics §1.5, the acceptance file's header): selector
 * scope by policy kind and {@code namespaceSelector}, network-set membership, service accounts, nets, ports, domains.
 */
public final class EntityMatcher {

    private final Inventory inventory;

    public EntityMatcher(Inventory inventory) {
        this.inventory = inventory;
    }

    /**
     * Whether {@code rule} of {@code policy}, evaluated in {@code direction}, matches {@code flow} coming from source
     * port {@code sourcePort} (-1 for protocols without ports).
     */
    public boolean matches(Policy policy, Rule rule, Direction direction, Flow flow, int sourcePort) {
        if (!rule.protocolMatches(flow.protocol())) {
            return false;
        }
        if (!rule.icmpMatches(flow)) {
            return false;
        }
        boolean domainsCount = direction == Direction.EGRESS && rule.action() == Action.ALLOW;
        return endpointPart(policy, rule.source(), flow.source(), false)
                && portPart(rule.source(), flow.source(), sourcePort, flow.protocol())
                && endpointPart(policy, rule.destination(), flow.destination(), domainsCount)
                && portPart(rule.destination(), flow.destination(), flow.port(), flow.protocol())
                && domainPart(rule.destination(), flow.destination(), direction);
    }

    /** Selector, notSelector, service accounts, nets and notNets of one side (no ports, no domains). */
    public boolean endpointPart(Policy policy, EntityRule e, Endpoint ep, boolean domainsCount) {
        if (e.selects() && !selected(policy, e, e.selector(), ep, domainsCount)) {
            return false;
        }
        if (e.notSelector() != null && selected(policy, e, e.notSelector(), ep, domainsCount)) {
            return false;
        }
        if (e.hasServiceAccounts() && !serviceAccountMatches(policy, e, ep)) {
            return false;
        }
        if (!e.nets().isEmpty() && (ep.ip() == null || !inAny(ep, e.nets()))) {
            return false;
        }
        // An endpoint with no known IP is not in any notNets network (documented limitation: give Pods status.podIP).
        return e.notNets().isEmpty() || ep.ip() == null || !inAny(ep, e.notNets());
    }

    static boolean portPart(EntityRule e, Endpoint ep, int port, int protocol) {
        if (!e.ports().isEmpty() && (port < 0 || !inPorts(e.ports(), ep, port, protocol))) {
            return false;
        }
        return e.notPorts().isEmpty() || port < 0 || !inPorts(e.notPorts(), ep, port, protocol);
    }

    /**
     * Where the side's port constraints start or stop holding, for source-port splitting: {@code a} and {@code b+1} of
     * each range {@code a:b} of {@code ports} and {@code notPorts}; a named port is looked up on {@code ep} (in
     * {@code source.ports} Calico matches the source endpoint's port of that name, through the named-port IP sets).
     */
    static IntStream cuts(EntityRule e, Endpoint ep) {
        if (e.ports().isEmpty() && e.notPorts().isEmpty()) {
            return IntStream.empty();
        }
        IntStream.Builder b = IntStream.builder();
        for (List<PortRange> list : List.of(e.ports(), e.notPorts())) {
            for (PortRange r : list) {
                if (!r.isNamed()) {
                    b.add(r.min()).add(r.max() + 1);
                    continue;
                }
                for (ContainerPort cp : ep.ports()) {
                    if (r.name().equals(cp.name())) {
                        b.add(cp.port()).add(cp.port() + 1);
                    }
                }
            }
        }
        return b.build();
    }

    /** The numeric source-port cuts of {@code rules}, sorted (named ports depend on the source endpoint, added per flow). */
    static int[] numericSourceCuts(List<Rule> rules) {
        return rules.stream().flatMap(r -> Stream.concat(r.source().ports().stream(), r.source().notPorts().stream()))
                .filter(pr -> !pr.isNamed()).flatMapToInt(pr -> IntStream.of(pr.min(), pr.max() + 1))
                .distinct().sorted().toArray();
    }

    static boolean namesPorts(EntityRule e) {
        return e.ports().stream().anyMatch(PortRange::isNamed) || e.notPorts().stream().anyMatch(PortRange::isNamed);
    }

    static boolean domainPart(EntityRule destination, Endpoint ep, Direction direction) {
        if (destination.domains().isEmpty() || direction != Direction.EGRESS) {
            return true;
        }
        if (ep.domain() == null) {
            return false;
        }
        for (String d : destination.domains()) {
            if (DomainPattern.matches(d, ep.domain())) {
                return true;
            }
        }
        return false;
    }

    private static boolean inPorts(List<PortRange> ranges, Endpoint ep, int port, int protocol) {
        for (PortRange r : ranges) {
            if (r.isNamed()) {
                for (ContainerPort cp : ep.ports()) {
                    if (r.name().equals(cp.name()) && cp.port() == port
                            && Protocols.number(cp.protocol()).orElse(Protocols.TCP) == protocol) {
                        return true;
                    }
                }
            } else if (port >= r.min() && port <= r.max()) {
                return true;
            }
        }
        return false;
    }

    private static boolean inAny(Endpoint ep, List<Cidr> nets) {
        for (Cidr c : nets) {
            if (ep.ip().in(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code sel} (null = all()) selects the endpoint within the rule's scope: {@code namespaceSelector: global()}
     * means non-namespaced objects (GlobalNetworkSets); a namespaceSelector means pods and NetworkSets of those
     * namespaces; none means the policy's namespace (NetworkPolicy) or everything (GlobalNetworkPolicy). An external
     * address is selected only through a network set it belongs to.
     */
    boolean selected(Policy policy, EntityRule e, Selector sel, Endpoint ep, boolean domainsCount) {
        if (!ep.external() && !e.globalScope() && inScope(policy, e, ep.namespace())
                && (sel == null || sel.matches(ep.labels()))) {
            return true;
        }
        for (NetworkSet set : inventory.networkSets()) {
            if (setInScope(policy, e, set) && (sel == null || sel.matches(set.labels())) && set.contains(ep, domainsCount)) {
                return true;
            }
        }
        return false;
    }

    private boolean inScope(Policy policy, EntityRule e, String namespace) {
        if (e.namespaceSelector() != null) {
            return e.namespaceSelector().matches(inventory.namespaceLabels(namespace));
        }
        return !policy.kind().namespaced() || policy.namespace().equals(namespace);
    }

    private boolean setInScope(Policy policy, EntityRule e, NetworkSet set) {
        if (e.globalScope()) {
            return set.global();
        }
        if (set.global()) {
            // Only GlobalNetworkPolicy rule selectors without a namespaceSelector (or with global()) see global sets.
            return e.namespaceSelector() == null && !policy.kind().namespaced();
        }
        return inScope(policy, e, set.namespace());
    }

    private boolean serviceAccountMatches(Policy policy, EntityRule e, Endpoint ep) {
        if (ep.external() || !inScope(policy, e, ep.namespace()) && e.namespaceSelector() == null && policy.kind().namespaced()) {
            return false;
        }
        if (!e.serviceAccountNames().isEmpty() && !e.serviceAccountNames().contains(ep.serviceAccount())) {
            return false;
        }
        return e.serviceAccountSelector() == null
                || e.serviceAccountSelector().matches(inventory.serviceAccountLabels(ep.namespace(), ep.serviceAccount()));
    }

    /** Whether the policy applies to the workload: namespace (NetworkPolicy), selector, namespaceSelector, serviceAccountSelector. */
    public boolean applies(Policy p, Endpoint ep) {
        if (ep.external()) {
            return false;
        }
        if (p.kind().namespaced() && !p.namespace().equals(ep.namespace())) {
            return false;
        }
        if (p.selector() != null && !p.selector().matches(ep.labels())) {
            return false;
        }
        if (p.namespaceSelector() != null && !p.namespaceSelector().matches(inventory.namespaceLabels(ep.namespace()))) {
            return false;
        }
        return p.serviceAccountSelector() == null
                || p.serviceAccountSelector().matches(inventory.serviceAccountLabels(ep.namespace(), ep.serviceAccount()));
    }

    public Inventory inventory() {
        return inventory;
    }
}
