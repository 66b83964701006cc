package io.calicogitops.policy;

import io.calicogitops.selector.Selector;
import io.calicogitops.validate.Cidr;

import java.util.List;

/**
 * A rule's {@code source} or {@code destination}. Null selectors are absent. {@code globalScope} is
 * {@code namespaceSelector: global()}: the selector then matches non-namespaced objects (GlobalNetworkSets).
 */
public record EntityRule(Selector selector, Selector namespaceSelector, boolean globalScope, Selector notSelector,
                         List<String> serviceAccountNames, Selector serviceAccountSelector, List<Cidr> nets,
                         List<Cidr> notNets, List<PortRange> ports, List<PortRange> notPorts, List<String> domains) {

    public static final EntityRule ANY = new EntityRule(null, null, false, null, List.of(), null, List.of(), List.of(),
            List.of(), List.of(), List.of());

    public EntityRule {
        serviceAccountNames = List.copyOf(serviceAccountNames);
        nets = List.copyOf(nets);
        notNets = List.copyOf(notNets);
        ports = List.copyOf(ports);
        notPorts = List.copyOf(notPorts);
        domains = List.copyOf(domains);
    }

    /** Whether a selector (or namespaceSelector) restricts this side to Calico-known endpoints and network sets. */
    public boolean selects() {
        return selector != null || namespaceSelector != null || globalScope;
    }

    public boolean hasServiceAccounts() {
        return !serviceAccountNames.isEmpty() || serviceAccountSelector != null;
    }
}
