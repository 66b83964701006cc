package io.calicogitops.flows;

import io.calicogitops.policy.ClusterModel;
import io.calicogitops.policy.SourcePorts;

/**
 * What records are replayed against: the cluster model, the clients' source-port range, and for report headers the
 * cluster and where the policies came from. Its own record (not the query package's LoadedModel) so that query's
 * promote can use the flows package without a package cycle.
 */
public record FlowModel(ClusterModel model, SourcePorts sourcePorts, String cluster, String policySource) {
}
