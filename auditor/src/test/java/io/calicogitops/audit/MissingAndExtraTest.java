package io.calicogitops.audit;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which rules pick a network set by its labels, for the severity of a missing or unmanaged set. */
class MissingAndExtraTest {

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "destination: {selector: feed == 'blocked'}                              | feed: blocked  | critical",
            "destination: {selector: feed == 'blocked'}                              | feed: allowed  | warning",
            "destination: {notSelector: zone == 'trusted'}                           | feed: blocked  | critical",
            "destination: {notSelector: zone == 'trusted'}                           | zone: trusted  | warning",
            "destination: {selector: has(feed), notSelector: feed == 'old'}          | feed: old      | warning",
            "destination: {nets: [198.51.100.0/24]}                                  | feed: blocked  | warning",
            "source: {selector: feed == 'blocked'}                                   | feed: blocked  | critical",
    })
    void missing_networkSetPickedByADenyRule_isCritical(String entity, String labels, String severity) {
        Resource policy = parse("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.deny}
                spec: {tier: security, selector: all(), egress: [{action: Deny, %s}]}
                """.formatted(entity));
        Resource set = parse("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkSet
                metadata: {name: s, labels: {%s}}
                spec: {nets: [192.0.2.0/24]}
                """.formatted(labels));
        Map<ResourceId, Resource> desired = new LinkedHashMap<>();
        desired.put(policy.id(), policy);
        desired.put(set.id(), set);

        Change change = new MissingAndExtra(new DesiredState("c".repeat(40), desired, Map.of())).missing(set);

        assertEquals(severity, change.severity().label(), change.sentence());
    }

    private static Resource parse(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        var doc = new YamlReader().read(yaml, "t.yaml", diagnostics).get(0);
        assertEquals("", diagnostics.format());
        return Resource.of(doc.body(), SourceLocation.of("t.yaml"));
    }
}
