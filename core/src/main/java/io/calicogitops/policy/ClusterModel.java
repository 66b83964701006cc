package io.calicogitops.policy;

/** What the evaluator works on: the policy set and the inventory (workloads, namespaces, network sets, externals). */
public record ClusterModel(PolicySet policies, Inventory inventory) {

    public Evaluator reference() {
        return new ReferenceEvaluator(policies, inventory);
    }

    public Evaluator compiled() {
        return new CompiledEvaluator(policies, inventory);
    }
}
