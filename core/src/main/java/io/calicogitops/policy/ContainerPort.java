package io.calicogitops.policy;

/** A port a workload's container declares (name may be null); named rule ports resolve through these. */
public record ContainerPort(String name, String protocol, int port) {
}
