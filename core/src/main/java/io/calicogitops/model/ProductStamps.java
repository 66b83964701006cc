package io.calicogitops.model;

/**
 * The labels and annotations {@code calico-gitops apply} writes on every object it manages: who manages it, for which
 * cluster, and which commit and file it was last written from. Bookkeeping about the object, never intent: the
 * auditor ignores them on both sides.
 */
public final class ProductStamps {

    /** The well-known Kubernetes label for the tool that manages an object. */
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    /** The value of {@link #MANAGED_BY_LABEL}, and the server-side apply field manager. */
    public static final String MANAGER = "calico-gitops";
    /** Every label and annotation of the product starts with this prefix. */
    public static final String PREFIX = "calico-gitops.io/";
    /** Label: the cluster folder ({@code clusters/<name>/}) the object belongs to; prune selects on it. */
    public static final String CLUSTER_LABEL = PREFIX + "cluster";
    /** Annotation: the full id of the commit the object was last written from. */
    public static final String COMMIT_ANNOTATION = PREFIX + "commit";
    /** Annotation: the file in the repository the object was last written from. */
    public static final String SOURCE_ANNOTATION = PREFIX + "source";

    /**
     * Annotation the generator writes (not {@code apply}): the Secrets, by name and comma-separated, that the object
     * needs in its own namespace and that Git deliberately does not hold (an image pull secret). The audit checks each
     * exists, by name and without reading it, and reports a missing one as a prerequisite.
     */
    public static final String REQUIRES_SECRETS = PREFIX + "requires-secrets";

    private ProductStamps() {
    }
}
