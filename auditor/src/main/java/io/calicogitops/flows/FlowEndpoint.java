package io.calicogitops.flows;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One end of an observed flow as the record names it. At aggregation level 2 (the default for allowed flows) there is
 * no IP and no pod name: {@code nameAggr} ({@code <generateName>*}, a network set's name, {@code pub} or {@code pvt})
 * and the labels, the intersection over the aggregated pods, are all that identifies a workload.
 *
 * @param type      wep, hep, ns (network set) or net (an IP that is no endpoint)
 * @param name      the pod name, or null when aggregated away ({@code "-"})
 * @param nameAggr  the aggregated name, never null
 * @param namespace the namespace, or null when not namespaced ({@code "-"})
 * @param ip        the IP, or null when aggregated
 * @param port      the port (only sources carry one here; the destination port is on the record), or null
 * @param labels    the labels, or null when the record did not include labels ({@code flowLogsFileIncludeLabels})
 */
public record FlowEndpoint(EndpointType type, String name, String nameAggr, String namespace, String ip,
                           Integer port, SortedMap<String, String> labels) {

    public FlowEndpoint {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(nameAggr, "nameAggr");
        labels = labels == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    /** True when the name is a pod-prefix aggregate ({@code nginx-86c57db685-*}) or {@code *} alone. */
    public boolean aggregated() {
        return name == null && nameAggr.endsWith("*");
    }

    /** Endpoint types of Calico flow logs ({@code source_type}/{@code dest_type}; Goldmane's EndpointType). */
    public enum EndpointType {
        /** A workload endpoint (pod). */
        WEP,
        /** A host endpoint. */
        HEP,
        /** A NetworkSet or GlobalNetworkSet. */
        NS,
        /** An IP that belongs to no endpoint: {@code pub} or {@code pvt}. */
        NET
    }
}
