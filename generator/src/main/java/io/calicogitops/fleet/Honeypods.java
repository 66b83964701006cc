package io.calicogitops.fleet;

import java.util.Objects;
import java.util.Optional;

/**
 * The honeypods of AKS workshop step 6 (Calico Cloud/Enterprise; Tigera removed them from its documentation in
 * July 2024): the images of the three decoys, pinned, and the name of the image pull secret they need in namespace
 * {@code tigera-internal}, which Git never holds; with {@code externalSecret}, an ExternalSecret makes it.
 */
public record Honeypods(String pullSecret, String appImage, String dashboardImage, String databaseImage,
                        Optional<Honeypods.ExternalPullSecret> externalSecret) {
    /**
     * The names and images of the last published manifests (tag v3.19.1 of Tigera's honeypod images); the decoy
     * MySQL was {@code mysql:latest}, later {@code mysql:8}, here the 8.4 LTS line.
     */
    public static final Honeypods DEFAULTS = new Honeypods("tigera-pull-secret", "quay.io/tigera/honeypod:v3.19.1",
            "quay.io/tigera/honeypod-exp-service:v3.19.1", "mysql:8.4", Optional.empty());

    public Honeypods {
        Objects.requireNonNull(externalSecret, "externalSecret");
    }

    /** The External Secrets Operator store and key the honeypods' pull secret comes from. */
    public record ExternalPullSecret(String store, String storeKind, String remoteKey, String refreshInterval) {
        /** A store shared by the cluster's namespaces. */
        public static final String DEFAULT_STORE_KIND = "ClusterSecretStore";
        /** ESO's own default refresh interval. */
        public static final String DEFAULT_REFRESH = "1h";
    }
}
