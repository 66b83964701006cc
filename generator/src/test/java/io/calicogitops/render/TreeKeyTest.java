package io.calicogitops.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.calicogitops.yaml.YamlWriter;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A tree key is equal only for trees that are written as the same YAML; Jackson's equals is looser. */
class TreeKeyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"a\":1,\"b\":[1,\"x\",{\"c\":null}]}|{\"a\":1,\"b\":[1,\"x\",{\"c\":null}]}|true",
            "{\"a\":1,\"b\":2}|{\"b\":2,\"a\":1}|false",
            "{\"a\":[1,2]}|{\"a\":[2,1]}|false",
            "{\"a\":\"1\"}|{\"a\":1}|false",
            "{\"a\":true}|{\"a\":\"true\"}|false",
            "{\"a\":{}}|{\"a\":[]}|false",
    })
    void key_equalOnlyForTreesWrittenAlike(String left, String right, boolean same) throws Exception {
        JsonNode a = JSON.readTree(left);
        JsonNode b = JSON.readTree(right);

        assertEquals(same, new TreeKey(a).equals(new TreeKey(b)));
        assertEquals(same, new YamlWriter().write(a).equals(new YamlWriter().write(b)));
        if (same) {
            assertEquals(new TreeKey(a).hashCode(), new TreeKey(b).hashCode());
        }
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({"1.0,1.00", "1,1.0"})
    void key_decimalsOfAnotherScale_differ(String left, String right) {
        JsonNode a = JsonNodeFactory.instance.objectNode().put("v", new BigDecimal(left));
        JsonNode b = JsonNodeFactory.instance.objectNode().put("v", new BigDecimal(right));

        assertNotEquals(new TreeKey(a), new TreeKey(b));
        assertNotEquals(new YamlWriter().write(a), new YamlWriter().write(b));
    }
}
