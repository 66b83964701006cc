package io.calicogitops.fleet;

import io.calicogitops.yaml.MappingReader;

/**
 * What the platforms support (calico-semantics §4): WireGuard encrypts IPv4 pod traffic only, on EKS (AWS or Calico
 * CNI) and AKS (Azure CNI). Rules that involve overlays (AKS + WireGuard + L7 collector) live in the overlays'
 * {@code conflictsWith}, so users see and can extend them.
 */
final class PlatformRules {

    private PlatformRules() {
    }

    static void check(MappingReader r, ClusterProfile.Provider provider, ClusterProfile.IpFamily ipFamily, boolean wireguard) {
        if (!wireguard) {
            return;
        }
        if (ipFamily == ClusterProfile.IpFamily.IPv6) {
            r.error("wireguard", "WireGuard pod-traffic encryption supports IPv4 only, and this cluster is IPv6",
                    "set wireguard: false, or ipFamily: IPv4");
        } else if (ipFamily == ClusterProfile.IpFamily.DualStack) {
            r.diagnostics().warning(r.at("wireguard"),
                    "wireguard: only the IPv4 half of a dual-stack cluster is encrypted", null);
        }
    }
}
