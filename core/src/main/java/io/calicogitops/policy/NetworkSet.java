package io.calicogitops.policy;

import io.calicogitops.validate.Cidr;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A GlobalNetworkSet (namespace "") or NetworkSet: labels, nets and {@code allowedEgressDomains}. An external
 * address is a member when it is in the nets; a domain makes it a member only for an egress Allow rule's
 * destination selector (Calico Cloud GlobalNetworkSet reference).
 */
public record NetworkSet(String namespace, String name, SortedMap<String, String> labels, List<Cidr> nets,
                         List<String> domains) {

    public NetworkSet {
        namespace = namespace == null ? "" : namespace;
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        nets = List.copyOf(nets);
        domains = List.copyOf(domains);
    }

    public boolean global() {
        return namespace.isEmpty();
    }

    /** Whether the endpoint belongs to this set: by IP, or (only where domains count) by DNS name. */
    public boolean contains(Endpoint e, boolean domainsCount) {
        if (e.ip() != null) {
            for (Cidr net : nets) {
                if (e.ip().in(net)) {
                    return true;
                }
            }
        }
        if (domainsCount && e.domain() != null) {
            for (String d : domains) {
                if (io.calicogitops.validate.DomainPattern.matches(d, e.domain())) {
                    return true;
                }
            }
        }
        return false;
    }

    public String display() {
        return global() ? "GlobalNetworkSet " + name : "NetworkSet " + namespace + "/" + name;
    }
}
