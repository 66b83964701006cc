package io.calicogitops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.calicogitops.model.ResourceId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The severity of one change inside a rule, by the rule's action in Git: critical when the cluster's rule can let
 * through what Git's denies (a Deny that matches less, an Allow that matches more, any change to a Pass), a warning
 * when the change provably cannot. Inputs are normalised trees (canonical selectors, no empty values).
 */
class RuleSeveritiesTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ResourceId ID = new ResourceId("projectcalico.org", "NetworkPolicy", "shop", "security.web");

    @ParameterizedTest(name = "{0}: {1} -> {2} is {3}")
    @CsvSource(delimiter = '|', value = {
            // selectors: in a rule, absent matches everything (non-Calico addresses too), all() every endpoint
            "Deny  | {source: {selector: a == \"x\"}}          | {source: {selector: all()}}                | warning",
            "Deny  | {source: {selector: all()}}                | {}                                         | warning",
            "Deny  | {}                                         | {source: {selector: all()}}                | critical",
            "Deny  | {source: {selector: a == \"x\"}}          | {source: {selector: b == \"y\"}}          | critical",
            "Allow | {source: {selector: all()}}                | {source: {selector: a == \"x\"}}          | warning",
            "Allow | {}                                         | {source: {selector: all()}}                | warning",
            "Allow | {source: {selector: all()}}                | {}                                         | critical",
            "Allow | {source: {selector: a == \"x\"}}          | {source: {selector: all()}}                | critical",
            // namespaceSelector: absent is the policy's own namespace, so it neither contains nor is contained by all()
            "Deny  | {source: {namespaceSelector: a == \"x\"}} | {source: {namespaceSelector: all()}}       | warning",
            "Deny  | {source: {namespaceSelector: a == \"x\"}} | {}                                         | critical",
            "Deny  | {}                                         | {source: {namespaceSelector: all()}}       | critical",
            "Allow | {source: {namespaceSelector: all()}}       | {source: {namespaceSelector: a == \"x\"}} | warning",
            "Allow | {}                                         | {source: {namespaceSelector: all()}}       | critical",
            // positive lists: absent matches everything
            "Deny  | {destination: {ports: [22, 443]}}          | {destination: {ports: [443]}}              | critical",
            "Deny  | {destination: {ports: [443]}}              | {destination: {ports: [22, 443]}}          | warning",
            "Deny  | {destination: {ports: [443]}}              | {}                                         | warning",
            "Allow | {destination: {ports: [443]}}              | {destination: {ports: [22, 443]}}          | critical",
            "Allow | {destination: {ports: [443]}}              | {}                                         | critical",
            "Allow | {}                                         | {destination: {ports: [443]}}              | warning",
            // exclusion lists: more members, fewer matches
            "Deny  | {destination: {notPorts: [22]}}            | {destination: {notPorts: [22, 443]}}       | critical",
            "Deny  | {destination: {notPorts: [22]}}            | {}                                         | warning",
            "Allow | {source: {notNets: [10.0.0.0/8]}}          | {}                                         | critical",
            "Allow | {}                                         | {source: {notNets: [10.0.0.0/8]}}          | warning",
            // protocol: added narrows, removed widens
            "Deny  | {protocol: TCP}                            | {}                                         | warning",
            "Deny  | {}                                         | {protocol: TCP}                            | critical",
            "Allow | {}                                         | {protocol: TCP}                            | warning",
            "Allow | {protocol: TCP}                            | {protocol: UDP}                            | critical",
            // Pass: matching more skips later Denies of the tier, matching less reaches its later Allows
            "Pass  | {source: {selector: a == \"x\"}}          | {source: {selector: all()}}                | critical",
            "Pass  | {source: {selector: all()}}                | {source: {selector: a == \"x\"}}          | critical",
            // Log changes no verdict
            "Log   | {source: {selector: a == \"x\"}}          | {}                                         | warning",
    })
    void ruleFieldChange_hasTheSeverityOfItsEffect(String action, String git, String cluster, String severity) throws IOException {
        List<Change> changes = ChangeSentences.between(ID, policy(action, git), policy(action, cluster));

        assertEquals(1, changes.size(), changes::toString);
        assertEquals(severity, changes.get(0).severity().label(), changes.get(0).sentence());
    }

    @ParameterizedTest(name = "{0} -> {1} is {2}")
    @CsvSource({
            "Deny, Allow, critical", "Deny, Pass, critical", "Deny, Log, critical",
            "Pass, Allow, critical", "Pass, Log, critical", "Log, Pass, critical", "Log, Allow, critical",
            "Allow, Deny, warning", "Allow, Pass, warning", "Allow, Log, warning", "Pass, Deny, warning", "Log, Deny, warning",
    })
    void actionChange_isHarmlessOnlyToDenyOrFromAllow(String git, String cluster, String severity) throws IOException {
        List<Change> changes = ChangeSentences.between(ID, policy(git, "{}"), policy(cluster, "{}"));

        assertEquals(List.of("ingress rule 1: action " + git + " -> " + cluster),
                changes.stream().map(Change::sentence).toList());
        assertEquals(severity, changes.get(0).severity().label());
    }

    private static JsonNode policy(String action, String rule) throws IOException {
        ObjectNode r = (ObjectNode) YAML.readTree(rule.isBlank() ? "{}" : rule);
        r.put("action", action);
        ObjectNode body = YAML.createObjectNode();
        body.putObject("spec").put("selector", "all()").putArray("ingress").add(r);
        return body;
    }
}
