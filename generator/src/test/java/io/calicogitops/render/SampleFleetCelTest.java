package io.calicogitops.render;

import io.calicogitops.schema.SchemaValidator;
import io.calicogitops.validate.Locator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample fleet passes the CRDs' CEL rules too: no false refusal on real, rendered policies. */
class SampleFleetCelTest {

    /** Kinds whose bundled Enterprise CRD carries x-kubernetes-validations rules. */
    private static final Set<String> KINDS_WITH_RULES = Set.of("GlobalNetworkPolicy", "NetworkPolicy",
            "StagedGlobalNetworkPolicy", "StagedNetworkPolicy", "Tier", "FelixConfiguration", "GlobalAlert",
            "GlobalThreatFeed", "Installation", "ApplicationLayer", "IntrusionDetection");

    @Test
    void sampleFleet_rendersAndEveryDocumentPassesTheCelRules() {
        Generator.RenderResult rendered = SampleFleet.render();
        SchemaValidator validator = new SchemaValidator();
        int checked = 0;
        for (ClusterRender cluster : rendered.clusters()) {
            for (RenderedResource r : cluster.resources()) {
                Locator where = r.locate();
                assertEquals(List.of(), validator.validate(r.resource().body(), where::at), r.resource().id().display());
                if (KINDS_WITH_RULES.contains(r.resource().kind())) {
                    checked++;
                }
            }
        }
        assertEquals(5, rendered.clusters().size());
        assertTrue(checked > 100, "documents of kinds with CEL rules: " + checked);
    }
}
