package io.calicogitops.history;

import java.util.Optional;

/**
 * Which paths of the GitOps repository hold resources: {@code clusters/<cluster>/<file>.yaml} directly in a cluster
 * folder, as the generator writes them and the auditor reads them ({@code DesiredState}); {@code kustomization.yaml},
 * {@code README.md} and files in sub-folders are not resources.
 */
final class ClusterFile {

    static final String ROOT = "clusters";

    private ClusterFile() {
    }

    /** The cluster a resource file belongs to, or empty when the path is not a resource file. */
    static Optional<String> clusterOf(String path) {
        String[] parts = path.split("/", -1);
        if (parts.length != 3 || !parts[0].equals(ROOT) || parts[1].isEmpty()) {
            return Optional.empty();
        }
        String file = parts[2];
        boolean yaml = file.endsWith(".yaml") || file.endsWith(".yml");
        boolean kustomization = file.equals("kustomization.yaml") || file.equals("kustomization.yml");
        return yaml && !kustomization ? Optional.of(parts[1]) : Optional.empty();
    }
}
