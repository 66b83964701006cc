package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code when} of overlay.yaml: every view-model path equals its value; a list means any of its items. */
class OverlayMatchTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    private static Map<String, Object> view() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("provider", "AKS");
        v.put("wireguard", true);
        v.put("l7Logging", false);
        v.put("l7Mode", "daemonset");
        v.put("kubeDns", Map.of("order", 50L));
        v.put("defaultDeny", Map.of("order", 2000, "namespaces", List.of("dev", "default")));
        v.put("ratio", 0.5);
        v.put("alerts", Map.of("lateralMovement", Map.of("enabled", true, "namespace", "dev")));
        return v;
    }

    private static Map<String, JsonNode> when(String yaml) {
        try {
            Map<String, JsonNode> m = new LinkedHashMap<>();
            YAML.readTree(yaml).fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {wireguard: true}                                  | true
            {wireguard: false}                                 | false
            {l7Logging: false}                                 | true
            {provider: AKS}                                    | true
            {provider: EKS}                                    | false
            {provider: aks}                                    | false
            {kubeDns.order: 50}                                | true
            {kubeDns.order: 50.0}                              | true
            {kubeDns.order: 51}                                | false
            {defaultDeny.order: 2000}                          | true
            {ratio: 0.5}                                       | true
            {provider: [EKS, AKS]}                             | true
            {provider: [EKS, GKE]}                             | false
            {kubeDns.order: [10, 50]}                          | true
            {provider: AKS, wireguard: true}                   | true
            {provider: AKS, wireguard: true, l7Logging: true}  | false
            {alerts.lateralMovement.enabled: true}             | true
            {alerts.lateralMovement.namespace: dev}            | true
            {noSuchKey: true}                                  | false
            {noSuchKey: [a, b]}                                | false
            {provider.name: AKS}                               | false
            {alerts.nothing.enabled: true}                     | false
            {kubeDns: 50}                                      | false
            """)
    void matches_whenConditions(String when, boolean expected) {
        assertEquals(expected, Overlay.matches(when(when), view()));
    }
}
