package io.calicogitops.policy;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the policies act on: workloads, external endpoints, namespaces with their labels, service accounts
 * ({@code ns/name}) with theirs, network sets and Services (for port lookup).
 */
public record Inventory(List<Endpoint> workloads, List<Endpoint> externals, SortedMap<String, SortedMap<String, String>> namespaces,
                        SortedMap<String, SortedMap<String, String>> serviceAccounts, List<NetworkSet> networkSets,
                        List<ServicePorts> services) {

    public Inventory {
        workloads = List.copyOf(workloads);
        externals = List.copyOf(externals);
        namespaces = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(namespaces));
        serviceAccounts = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(serviceAccounts));
        networkSets = List.copyOf(networkSets);
        services = List.copyOf(services);
    }

    /** The labels a {@code namespaceSelector} sees: the namespace's own plus {@code projectcalico.org/name}. */
    public Map<String, String> namespaceLabels(String namespace) {
        TreeMap<String, String> labels = new TreeMap<>(namespaces.getOrDefault(namespace, new TreeMap<>()));
        labels.put("projectcalico.org/name", namespace);
        labels.put("kubernetes.io/metadata.name", namespace);
        return labels;
    }

    /** The labels a {@code serviceAccountSelector} sees: the account's own plus {@code projectcalico.org/name}. */
    public Map<String, String> serviceAccountLabels(String namespace, String account) {
        TreeMap<String, String> labels = new TreeMap<>(serviceAccounts.getOrDefault(namespace + "/" + account, new TreeMap<>()));
        labels.put("projectcalico.org/name", account);
        return labels;
    }

    /** The same inventory with other network sets (they are policy-side resources, read with the policies). */
    public Inventory withNetworkSets(List<NetworkSet> sets) {
        return new Inventory(workloads, externals, namespaces, serviceAccounts, sets, services);
    }

    public Inventory withExternals(List<Endpoint> more) {
        return new Inventory(workloads, more, namespaces, serviceAccounts, networkSets, services);
    }

    /**
     * The endpoint a command-line argument names: {@code NS/WORKLOAD} (its {@code app} label or object name), a
     * declared external endpoint's name, an IP address or a DNS name (an external endpoint made on the fly).
     */
    public java.util.Optional<Endpoint> find(String text) {
        for (Endpoint e : externals) {
            if (e.name().equals(text)) {
                return java.util.Optional.of(e);
            }
        }
        int slash = text.indexOf('/');
        if (slash > 0 && !text.contains(":") && !text.matches("[0-9.]+/\\d+")) {
            String ns = text.substring(0, slash);
            String name = text.substring(slash + 1);
            java.util.Optional<Endpoint> byApp = workloads.stream()
                    .filter(w -> w.namespace().equals(ns) && w.app().equals(name)).findFirst();
            return byApp.isPresent() ? byApp
                    : workloads.stream().filter(w -> w.namespace().equals(ns) && w.name().equals(name)).findFirst();
        }
        java.util.Optional<IpAddress> ip = IpAddress.parse(text);
        if (ip.isPresent()) {
            return java.util.Optional.of(Endpoint.external(text, ip.get(), null));
        }
        if (text.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+\\.?")) {
            return java.util.Optional.of(Endpoint.external(text, null, text));
        }
        return java.util.Optional.empty();
    }
}
