package io.calicogitops.policy;

import io.calicogitops.diag.SourceLocation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One end of a flow: a workload (pod labels plus Calico's {@code projectcalico.org/*} labels, its namespace, service
 * account, pod IP when known and declared ports) or an external endpoint (an IP and/or a DNS name, no policy).
 */
public record Endpoint(boolean external, String namespace, String name, SortedMap<String, String> labels,
                       String serviceAccount, IpAddress ip, String domain, List<ContainerPort> ports,
                       SourceLocation origin) {

    public static final String NAMESPACE_LABEL = "projectcalico.org/namespace";
    public static final String ORCHESTRATOR_LABEL = "projectcalico.org/orchestrator";
    public static final String SERVICE_ACCOUNT_LABEL = "projectcalico.org/serviceaccount";

    public Endpoint {
        Objects.requireNonNull(name, "name");
        namespace = namespace == null ? "" : namespace;
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        ports = List.copyOf(ports);
        serviceAccount = serviceAccount == null ? "" : serviceAccount;
    }

    /** A workload: Calico adds the namespace, orchestrator and service-account labels to the pod's own labels. */
    public static Endpoint workload(String namespace, String name, Map<String, String> podLabels, String serviceAccount,
                                    IpAddress ip, List<ContainerPort> ports, SourceLocation origin) {
        TreeMap<String, String> labels = new TreeMap<>(podLabels);
        String sa = serviceAccount == null || serviceAccount.isEmpty() ? "default" : serviceAccount;
        labels.put(NAMESPACE_LABEL, namespace);
        labels.put(ORCHESTRATOR_LABEL, "k8s");
        labels.put(SERVICE_ACCOUNT_LABEL, sa);
        return new Endpoint(false, namespace, name, labels, sa, ip, null, ports, origin);
    }

    /** An endpoint outside the cluster: no labels, no policy; known by IP and/or the DNS name the client used. */
    public static Endpoint external(String name, IpAddress ip, String domain) {
        return new Endpoint(true, "", name, new TreeMap<>(), "", ip, domain, List.of(), SourceLocation.of("<external>"));
    }

    /** {@code namespace/app} for a workload (the {@code app} label, else the object name); the name of an external one. */
    public String display() {
        return external ? name : namespace + "/" + labels.getOrDefault("app", name);
    }

    /** The name that {@code NS/WORKLOAD} arguments match besides the app label. */
    public String app() {
        return labels.getOrDefault("app", name);
    }
}
