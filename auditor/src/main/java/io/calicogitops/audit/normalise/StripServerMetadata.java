package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.ProductStamps;
import io.calicogitops.model.ResourceId;

import java.util.List;

/** Removes the metadata the API server, controllers and clients write, which Git never states. */
final class StripServerMetadata implements NormaliseStep {

    private static final List<String> FIELDS = List.of(
            "uid", "resourceVersion", "creationTimestamp", "generation", "managedFields", "selfLink",
            "deletionTimestamp", "deletionGracePeriodSeconds", "finalizers", "ownerReferences");
    private static final List<String> ANNOTATIONS = List.of(
            "kubectl.kubernetes.io/last-applied-configuration", V1View.METADATA_ANNOTATION);
    /** The product's own stamps (applied commit, source file, cluster): bookkeeping about the object, not intent. */
    static final String PRODUCT_ANNOTATION_PREFIX = ProductStamps.PREFIX;

    @Override
    public String name() {
        return "strip-server-metadata";
    }

    @Override
    public String why() {
        return "uid, resourceVersion, creationTimestamp, generation, managedFields, selfLink, deletion fields, "
                + "finalizers and ownerReferences are set by the server or controllers; last-applied-configuration is "
                + "client-side apply bookkeeping and projectcalico.org/metadata the v1 storage copy (calico-semantics "
                + "§3.3). Annotations and labels prefixed calico-gitops.io/, and app.kubernetes.io/managed-by: calico-gitops, "
                + "are the stamps calico-gitops apply writes (ProductStamps), not intent. "
                + "Generated objects are recognised from ownerReferences before normalising (GeneratedObjects).";
    }

    @Override
    public void apply(ObjectNode body, ResourceId id, Side side) {
        if (!(body.get("metadata") instanceof ObjectNode meta)) {
            return;
        }
        meta.remove(FIELDS);
        if (meta.get("annotations") instanceof ObjectNode annotations) {
            annotations.remove(ANNOTATIONS);
            annotations.properties().removeIf(e -> e.getKey().startsWith(PRODUCT_ANNOTATION_PREFIX));
        }
        if (meta.get("labels") instanceof ObjectNode labels) {
            // Only our own value: another tool's managed-by label is a real label that Git may or may not state.
            if (ProductStamps.MANAGER.equals(labels.path(ProductStamps.MANAGED_BY_LABEL).asText(null))) {
                labels.remove(ProductStamps.MANAGED_BY_LABEL);
            }
            labels.properties().removeIf(e -> e.getKey().startsWith(PRODUCT_ANNOTATION_PREFIX));
        }
    }
}
