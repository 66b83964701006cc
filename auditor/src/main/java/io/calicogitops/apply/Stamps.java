package io.calicogitops.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.ProductStamps;
import io.calicogitops.model.Resource;

/** Writes and reads the stamps of {@link ProductStamps}: who manages an object, for which cluster, from which commit and file. */
final class Stamps {

    private Stamps() {
    }

    /** A copy of {@code desired} with the managed-by and cluster labels and the commit and source annotations. */
    static Resource stamp(Resource desired, String cluster, String commit) {
        ObjectNode body = desired.body().deepCopy();
        ObjectNode meta = body.withObjectProperty("metadata");
        ObjectNode labels = meta.withObjectProperty("labels");
        labels.put(ProductStamps.MANAGED_BY_LABEL, ProductStamps.MANAGER);
        labels.put(ProductStamps.CLUSTER_LABEL, cluster);
        ObjectNode annotations = meta.withObjectProperty("annotations");
        annotations.put(ProductStamps.COMMIT_ANNOTATION, commit);
        annotations.put(ProductStamps.SOURCE_ANNOTATION, desired.origin().file());
        return new Resource(desired.id(), body, desired.origin());
    }

    /** True when the object carries this product's managed-by label and {@code cluster}'s label. */
    static boolean managedFor(JsonNode body, String cluster) {
        JsonNode labels = body.path("metadata").path("labels");
        return ProductStamps.MANAGER.equals(labels.path(ProductStamps.MANAGED_BY_LABEL).asText(null))
                && cluster.equals(labels.path(ProductStamps.CLUSTER_LABEL).asText(null));
    }

    /** The commit annotation, or empty when absent. */
    static String commit(JsonNode body) {
        return body.path("metadata").path("annotations").path(ProductStamps.COMMIT_ANNOTATION).asText("");
    }
}
