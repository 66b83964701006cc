package io.calicogitops.policy;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.model.Resource;
import io.calicogitops.validate.Locator;
import io.calicogitops.yaml.YamlDocument;

import java.util.List;

/**
 * Collects policy documents and workload manifests in order (a later object with the same identity replaces the
 * earlier one, like {@code kubectl apply}) and builds the {@link ClusterModel}.
 */
public final class ModelBuilder {

    private final Diagnostics diagnostics;
    private final PolicyReader policies;
    private final WorkloadReader workloads;

    public ModelBuilder(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.policies = new PolicyReader(diagnostics);
        this.workloads = new WorkloadReader(diagnostics);
    }

    /** Adds a parsed document: Calico and Kubernetes policy kinds go to the policies, the rest to the workloads. */
    public ModelBuilder add(YamlDocument doc) {
        if (!doc.body().isObject()) {
            return this;
        }
        if ("List".equals(doc.body().path("kind").asText())) {
            doc.body().path("items").forEach(item -> addObject(new SourceDocument(Resource.of(item, doc.location()),
                    Locator.fixed(doc.location()))));
            return this;
        }
        return addObject(new SourceDocument(Resource.of(doc.body(), doc.location()), Locator.of(doc.locations())));
    }

    public ModelBuilder addObject(SourceDocument doc) {
        policies.add(doc);
        workloads.add(doc.resource().body(), doc.resource().origin());
        return this;
    }

    public ModelBuilder addAll(List<YamlDocument> docs) {
        docs.forEach(this::add);
        return this;
    }

    public WorkloadReader workloads() {
        return workloads;
    }

    /** Removes {@code Kind/name} or {@code Kind/namespace/name}. */
    public ModelBuilder delete(String ref) {
        String[] parts = ref.split("/");
        String kind = parts[0];
        String ns = parts.length == 3 ? parts[1] : "";
        String name = parts[parts.length - 1];
        policies.delete(kind, ns, name);
        workloads.delete(kind, ns, name);
        return this;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public ClusterModel build(List<Endpoint> externals) {
        PolicyReader.Result r = policies.result();
        return new ClusterModel(r.policies(), workloads.inventory(r.networkSets(), externals));
    }
}
