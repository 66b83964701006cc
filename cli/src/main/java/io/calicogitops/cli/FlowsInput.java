package io.calicogitops.cli;

import io.calicogitops.flows.FlowModel;
import io.calicogitops.query.LoadedModel;

/** The flows commands' model from the evaluation options' loaded model. */
final class FlowsInput {

    private FlowsInput() {
    }

    static FlowModel of(LoadedModel loaded) {
        return new FlowModel(loaded.model(), loaded.sourcePorts(), loaded.cluster(), loaded.policySource());
    }
}
