package io.calicogitops.query;

import io.calicogitops.policy.ClusterModel;
import io.calicogitops.policy.SourcePorts;
import io.calicogitops.fleet.ClusterProfile;

import java.util.List;
import java.util.Optional;

/** A cluster model with where its parts came from (for report headers) and the cluster's profile when a fleet was given. */
public record LoadedModel(ClusterModel model, String cluster, String policySource, List<String> workloadSources,
                          Optional<ClusterProfile> profile) {

    /** The clients' source ports: the profile's {@code evaluation.sourcePorts}, else Linux's default ephemeral range. */
    public SourcePorts sourcePorts() {
        return profile.map(p -> p.evaluation().sourcePorts()).orElse(SourcePorts.LINUX_EPHEMERAL);
    }
}
