package io.calicogitops.flows;

import io.calicogitops.flows.FlowEndpoint.EndpointType;
import io.calicogitops.policy.Endpoint;
import io.calicogitops.policy.Inventory;
import io.calicogitops.policy.IpAddress;
import io.calicogitops.policy.NetworkSet;
import io.calicogitops.validate.Cidr;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rebuilds a record's endpoint from what the record still names after aggregation, against the workloads model. A
 * {@code wep} is the one workload of its namespace whose name is the record's pod name or generateName prefix
 * ({@code frontend-6c4b9d7f5-*} is a pod of Deployment {@code frontend}; the longest such workload name wins, as the
 * most specific owner) and whose labels contain every recorded label (the recorded labels are the intersection over
 * the aggregated pods). A {@code ns} endpoint is a member of the named network set; {@code net} is an external address
 * ({@code pub}/{@code pvt}) with the record's {@code dest_domains} as its DNS name. Results are cached per distinct
 * endpoint, so a million records cost one lookup per workload they name.
 */
public final class EndpointResolver {

    /** Stand-ins when aggregation removed the IP: documentation addresses (RFC 5737) and an RFC 1918 one. */
    static final String PUBLIC_STAND_IN = "203.0.113.1";
    static final String PRIVATE_STAND_IN = "10.255.255.254";

    /**
     * Labels Kubernetes controllers add to the pods they create, which no pod template in Git carries: the Deployment
     * controller's {@code pod-template-hash}, the StatefulSet and DaemonSet controllers' {@code controller-revision-hash},
     * {@code statefulset.kubernetes.io/pod-name}, {@code apps.kubernetes.io/pod-index}, {@code pod-template-generation},
     * and the Job controller's {@code controller-uid}/{@code job-name} (and their {@code batch.kubernetes.io/} forms).
     */
    static final Set<String> CONTROLLER_LABELS = Set.of("pod-template-hash", "controller-revision-hash",
            "statefulset.kubernetes.io/pod-name", "apps.kubernetes.io/pod-index", "pod-template-generation", "controller-uid",
            "job-name", "batch.kubernetes.io/controller-uid", "batch.kubernetes.io/job-name", "batch.kubernetes.io/job-completion-index");

    private final Inventory inventory;
    private final Map<Key, Resolution> cache = new HashMap<>();
    /** The workloads of each namespace, in the inventory's order (a record names its namespace: no scan of all). */
    private final Map<String, List<Endpoint>> byNamespace = new HashMap<>();

    private record Key(FlowEndpoint endpoint, String domain) {
    }

    /** The endpoint, or why there is none ({@code none}/{@code several} workloads match, or the type is not modelled). */
    public record Resolution(Endpoint endpoint, String reason) {
        public boolean known() {
            return endpoint != null;
        }
    }

    public EndpointResolver(Inventory inventory) {
        this.inventory = inventory;
        for (Endpoint w : inventory.workloads()) {
            byNamespace.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w);
        }
    }

    /** Resolves one end of a record; {@code domain} is the record's first {@code dest_domains} entry for the destination. */
    public Resolution resolve(FlowEndpoint e, String domain) {
        Key key = new Key(e, domain);
        Resolution known = cache.get(key); // get, then put: no capturing lambda per record
        if (known == null) {
            known = compute(e, domain);
            cache.put(key, known);
        }
        return known;
    }

    private Resolution compute(FlowEndpoint e, String domain) {
        return switch (e.type()) {
            case WEP -> workload(e);
            case NS -> networkSet(e);
            case NET -> network(e, domain);
            case HEP -> new Resolution(null, "host endpoint " + e.nameAggr() + ": host endpoints are not in the workloads model");
        };
    }

    private Resolution workload(FlowEndpoint e) {
        String where = (e.namespace() == null ? "" : e.namespace() + "/") + (e.name() != null ? e.name() : e.nameAggr());
        if (e.name() == null && e.nameAggr().equals("*")) {
            return new Resolution(null, "workload " + where + ": the name is aggregated to '*' (no common prefix), so it names no workload");
        }
        String key = e.name() != null ? e.name() : e.nameAggr().endsWith("*") ? e.nameAggr().substring(0, e.nameAggr().length() - 1) : e.nameAggr();
        List<Endpoint> byName = new ArrayList<>();
        int longest = -1;
        for (Endpoint w : byNamespace.getOrDefault(e.namespace(), List.of())) {
            if (!(key.equals(w.name()) || key.startsWith(w.name() + "-"))) {
                continue;
            }
            if (w.name().length() > longest) {
                byName.clear();
                longest = w.name().length();
            }
            if (w.name().length() == longest) {
                byName.add(w);
            }
        }
        List<Endpoint> matches = byName.stream().filter(w -> e.labels() == null
                || e.labels().entrySet().stream().allMatch(l -> CONTROLLER_LABELS.contains(l.getKey()) || l.getValue().equals(w.labels().get(l.getKey())))).toList();
        if (matches.size() == 1) {
            return new Resolution(matches.get(0), null);
        }
        if (matches.isEmpty()) {
            return new Resolution(null, "workload " + where + ": no known workload matches"
                    + (byName.isEmpty() ? " its namespace and name" : " its labels " + e.labels()));
        }
        return new Resolution(null, "workload " + where + ": several workloads match ("
                + String.join(", ", matches.stream().map(Endpoint::name).toList()) + ")");
    }

    private Resolution networkSet(FlowEndpoint e) {
        String ns = e.namespace() == null ? "" : e.namespace();
        Optional<NetworkSet> set = inventory.networkSets().stream()
                .filter(s -> s.namespace().equals(ns) && s.name().equals(e.nameAggr())).findFirst();
        if (set.isEmpty()) {
            return new Resolution(null, (ns.isEmpty() ? "GlobalNetworkSet " : "NetworkSet " + ns + "/") + e.nameAggr() + ": not in Git");
        }
        Optional<IpAddress> ip = Optional.ofNullable(e.ip()).flatMap(IpAddress::parse);
        if (ip.isEmpty() && !set.get().nets().isEmpty()) {
            ip = address(set.get().nets().get(0));
        }
        String domain = ip.isEmpty() && !set.get().domains().isEmpty() ? set.get().domains().get(0).replace("*.", "x.") : null;
        return new Resolution(Endpoint.external(set.get().display(), ip.orElse(null), domain), null);
    }

    private static Resolution network(FlowEndpoint e, String domain) {
        Optional<IpAddress> ip = Optional.ofNullable(e.ip()).flatMap(IpAddress::parse);
        if (ip.isEmpty()) {
            ip = IpAddress.parse(e.nameAggr().equals("pvt") ? PRIVATE_STAND_IN : PUBLIC_STAND_IN);
        }
        String name = e.ip() != null ? e.ip() : domain != null ? domain : e.nameAggr();
        return new Resolution(Endpoint.external(name, ip.orElse(null), domain), null);
    }

    private static Optional<IpAddress> address(Cidr net) {
        try {
            return IpAddress.parse(InetAddress.getByAddress(net.address()).getHostAddress());
        } catch (UnknownHostException ex) {
            return Optional.empty();
        }
    }

    static boolean isWorkload(FlowEndpoint e) {
        return e.type() == EndpointType.WEP;
    }
}
