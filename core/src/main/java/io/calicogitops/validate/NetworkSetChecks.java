package io.calicogitops.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;

/** GlobalNetworkSet / NetworkSet: well-formed nets and domains, and no reserved namespace label (calico-semantics §1.5). */
final class NetworkSetChecks {

    private NetworkSetChecks() {
    }

    static void check(JsonNode body, Locator where, Diagnostics d) {
        JsonNode spec = body.path("spec");
        RuleChecks.cidrList(spec.path("nets"), "/spec/nets", "spec.nets", where, d);
        JsonNode domains = spec.path("allowedEgressDomains");
        for (int i = 0; i < domains.size(); i++) {
            int index = i;
            DomainPattern.check(domains.get(i).asText()).ifPresent(m -> d.error(
                    where.at("/spec/allowedEgressDomains/" + index), "spec.allowedEgressDomains[" + index + "]: " + m));
        }
        if (body.path("metadata").path("labels").has("projectcalico.org/namespace")) {
            d.error(where.at("/metadata/labels/projectcalico.org~1namespace"),
                    "metadata.labels: 'projectcalico.org/namespace' is reserved and not allowed on a network set");
        }
    }
}
