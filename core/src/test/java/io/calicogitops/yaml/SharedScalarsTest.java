package io.calicogitops.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trees read separately share their keys and short string values (the heap of a large audit), never their containers. */
class SharedScalarsTest {

    private static final String POLICY = """
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata:
              name: %s
            spec:
              ingress:
              - action: Allow
                protocol: TCP
            """;

    @Test
    void twoDocuments_shareKeysAndShortValues() {
        YamlReader reader = new YamlReader();
        JsonNode a = reader.read(POLICY.formatted("a"), "a.yaml", new Diagnostics()).get(0).body();
        JsonNode b = reader.read(POLICY.formatted("b"), "b.yaml", new Diagnostics()).get(0).body();
        assertSame(firstKey(a.get("spec").get("ingress").get(0)), firstKey(b.get("spec").get("ingress").get(0)));
        assertSame(a.get("kind"), b.get("kind"));
        assertSame(a.path("spec").path("ingress").path(0).get("protocol"), b.path("spec").path("ingress").path(0).get("protocol"));
        assertNotSame(a.get("spec"), b.get("spec"));
        assertEquals("a", a.path("metadata").path("name").asText());
        assertEquals("b", b.path("metadata").path("name").asText());
    }

    @Test
    void jsonDocuments_shareShortValuesToo() {
        YamlReader reader = new YamlReader();
        List<YamlDocument> a = reader.read("{\"kind\": \"List\", \"items\": [{\"action\": \"Deny\"}]}", "a.json", new Diagnostics());
        List<YamlDocument> b = reader.read("{\"kind\": \"List\", \"items\": [{\"action\": \"Deny\"}]}", "b.json", new Diagnostics());
        assertSame(a.get(0).body().path("items").path(0).get("action"), b.get(0).body().path("items").path(0).get("action"));
    }

    private static String firstKey(JsonNode object) {
        Iterator<String> names = object.fieldNames();
        return names.next();
    }
}
