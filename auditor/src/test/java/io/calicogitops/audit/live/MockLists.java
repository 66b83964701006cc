package io.calicogitops.audit.live;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bodies for mock server expectations: list pages of GlobalNetworkPolicies and Kubernetes Status errors. */
final class MockLists {

    static final String GNP_PATH = "/apis/projectcalico.org/v3/globalnetworkpolicies";

    private MockLists() {
    }

    /** A page of GlobalNetworkPolicies named {@code gnp-<from>} .. {@code gnp-<to - 1>}, with a continue token or null. */
    static Map<String, Object> gnpPage(int from, int to, String continueToken) {
        List<Object> items = new ArrayList<>();
        for (int i = from; i < to; i++) {
            items.add(Map.of("apiVersion", "projectcalico.org/v3", "kind", "GlobalNetworkPolicy",
                    "metadata", Map.of("name", "gnp-%04d".formatted(i)),
                    "spec", Map.of("order", i, "selector", "all()")));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resourceVersion", "42");
        if (continueToken != null) {
            metadata.put("continue", continueToken);
        }
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", "projectcalico.org/v3");
        list.put("kind", "GlobalNetworkPolicyList");
        list.put("metadata", metadata);
        list.put("items", items);
        return list;
    }

    static Map<String, Object> emptyList(String apiVersion, String kind) {
        return Map.of("apiVersion", apiVersion, "kind", kind + "List", "metadata", Map.of(), "items", List.of());
    }

    static Status status(int code, String reason, String message) {
        return new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message).build();
    }
}
