package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.ResourceId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** Sorts and de-duplicates the lists Calico reads as sets; never the {@code ingress}/{@code egress} rule lists. */
final class SetLikeLists implements NormaliseStep {

    private static final List<String> ENTITY_SETS = List.of("nets", "notNets", "ports", "notPorts", "domains");
    /** Numbers first, by value; then strings; then anything else by its JSON text. */
    private static final Comparator<JsonNode> ORDER = Comparator
            .comparingInt((JsonNode n) -> n.isNumber() ? 0 : n.isTextual() ? 1 : 2)
            .thenComparing((a, b) -> a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : 0)
            .thenComparing(n -> n.isTextual() ? n.asText() : n.toString());

    @Override
    public String name() {
        return "set-lists";
    }

    @Override
    public String why() {
        return "types, nets, domains, ports and names are stored as written but mean the same in any order and with "
                + "repeats (calico-semantics §3.2): a rule matches if any listed net, port or domain matches, an "
                + "EndpointsSelection name list is a membership test, and an HTTP match accepts any listed method or "
                + "path. GlobalAlert aggregateBy is kept in order: it is an ordered group-by whose order can shape the "
                + "alert records and no public code shows it is a set. Rule lists are never sorted: Calico evaluates "
                + "rules in order, so a reorder is drift.";
    }

    @Override
    public void apply(ObjectNode body, ResourceId id, Side side) {
        if (CalicoKinds.isTieredPolicy(id)) {
            sort(body.path("spec").get("types"));
            for (ObjectNode rule : PolicyRules.rules(body)) {
                sort(rule.path("http").get("methods"));
                sort(rule.path("http").get("paths"));
            }
            for (ObjectNode entity : PolicyRules.entityRules(body)) {
                ENTITY_SETS.forEach(field -> sort(entity.get(field)));
                sort(entity.path("serviceAccounts").get("names"));
            }
        } else if (CalicoKinds.isCalico(id, "StagedKubernetesNetworkPolicy")) {
            sort(body.path("spec").get("policyTypes"));
        } else if (CalicoKinds.isNetworkSet(id)) {
            sort(body.path("spec").get("nets"));
            sort(body.path("spec").get("allowedEgressDomains"));
        } else if (CalicoKinds.isCalico(id, "GlobalReport")) {
            JsonNode endpoints = body.path("spec").path("endpoints");
            sort(endpoints.path("namespaces").get("names"));
            sort(endpoints.path("serviceAccounts").get("names"));
        }
    }

    private static void sort(JsonNode node) {
        if (!(node instanceof ArrayNode list) || list.size() < 2) {
            return;
        }
        // JsonNode equality (after the numbers step) removes repeats; the comparator gives a stable order.
        List<JsonNode> members = new ArrayList<>(new LinkedHashSet<>(toList(list)));
        members.sort(ORDER);
        list.removeAll();
        list.addAll(members);
    }

    private static List<JsonNode> toList(ArrayNode list) {
        List<JsonNode> out = new ArrayList<>(list.size());
        list.forEach(out::add);
        return out;
    }
}
