package io.calicogitops.history;

import io.calicogitops.model.RepoLayout;

import java.util.Optional;

/**
 * Which paths of the GitOps repository hold resources: files directly in a cluster's rendered folder, in either layout
 * ({@link RepoLayout}: {@code clusters/<cluster>/calico/<file>.yaml}, or {@code clusters/<cluster>/<file>.yaml} as
 * rendered before), as the generator writes them and the auditor reads them ({@code DesiredState});
 * {@code kustomization.yaml}, {@code README.md} and files in other sub-folders are not resources.
 */
final class ClusterFile {

    static final String ROOT = RepoLayout.CLUSTERS;

    private ClusterFile() {
    }

    /** The cluster a resource file belongs to, or empty when the path is not a resource file. */
    static Optional<String> clusterOf(String path) {
        return RepoLayout.clusterOfResourcePath(path);
    }
}
