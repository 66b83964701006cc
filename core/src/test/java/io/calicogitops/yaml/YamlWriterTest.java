package io.calicogitops.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.diag.Diagnostics;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class YamlWriterTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final YamlWriter writer = new YamlWriter();

    static Stream<Arguments> quoting() {
        return Stream.of(
                Arguments.of(NODES.textNode("53"), "v: '53'\n"),
                Arguments.of(NODES.textNode("true"), "v: 'true'\n"),
                Arguments.of(NODES.textNode("null"), "v: 'null'\n"),
                Arguments.of(NODES.textNode("1.0"), "v: '1.0'\n"),
                Arguments.of(NODES.textNode("0x1F"), "v: '0x1F'\n"),
                Arguments.of(NODES.textNode("yes"), "v: 'yes'\n"),
                Arguments.of(NODES.textNode("Off"), "v: 'Off'\n"),
                Arguments.of(NODES.textNode("y"), "v: 'y'\n"),
                Arguments.of(NODES.textNode(""), "v: ''\n"),
                Arguments.of(NODES.textNode("~"), "v: '~'\n"),
                Arguments.of(NODES.textNode("1_000"), "v: '1_000'\n"),
                Arguments.of(NODES.textNode("2001-12-14"), "v: '2001-12-14'\n"),
                Arguments.of(NODES.textNode("web"), "v: web\n"),
                Arguments.of(NODES.textNode("k8s-app"), "v: k8s-app\n"),
                Arguments.of(NODES.textNode("projectcalico.org/tier"), "v: projectcalico.org/tier\n"),
                Arguments.of(NODES.textNode("10.0.0.0/8"), "v: 10.0.0.0/8\n"),
                Arguments.of(NODES.textNode("role == 'web' && tier in {'a', 'b'}"), "v: role == 'web' && tier in {'a', 'b'}\n"),
                Arguments.of(NODES.textNode("it's"), "v: it's\n"),
                Arguments.of(NODES.textNode("a: b"), "v: 'a: b'\n"),
                Arguments.of(NODES.textNode("x:"), "v: 'x:'\n"),
                Arguments.of(NODES.textNode("a #b"), "v: 'a #b'\n"),
                Arguments.of(NODES.textNode("http://x/y?z=1#f"), "v: http://x/y?z=1#f\n"),
                Arguments.of(NODES.textNode("[x"), "v: '[x'\n"),
                Arguments.of(NODES.textNode("<<"), "v: '<<'\n"),
                Arguments.of(NODES.textNode("#x"), "v: '#x'\n"),
                Arguments.of(NODES.textNode("- a"), "v: '- a'\n"),
                Arguments.of(NODES.textNode("*x"), "v: '*x'\n"),
                Arguments.of(NODES.textNode("'q'"), "v: '''q'''\n"),
                Arguments.of(NODES.textNode(" lead"), "v: ' lead'\n"),
                Arguments.of(NODES.textNode("tab\tx"), "v: \"tab\\tx\"\n"),
                Arguments.of(NODES.textNode("x\u2028y"), "v: \"x\\Ly\"\n"),
                Arguments.of(NODES.textNode("a\r\nb"), "v: \"a\\r\\nb\"\n"),
                Arguments.of(NODES.textNode("multi\nline"), "v: |-\n  multi\n  line\n"),
                Arguments.of(NODES.textNode("multi\nline\n"), "v: |\n  multi\n  line\n"),
                Arguments.of(NODES.textNode("trailing \nspace"), "v: \"trailing \\nspace\"\n"),
                Arguments.of(NODES.numberNode(53), "v: 53\n"),
                Arguments.of(NODES.numberNode(1.5), "v: 1.5\n"),
                Arguments.of(NODES.numberNode(1e20), "v: 1.0E20\n"),
                Arguments.of(NODES.numberNode(new BigInteger("12345678901234567890")), "v: 12345678901234567890\n"),
                Arguments.of(NODES.booleanNode(true), "v: true\n"),
                Arguments.of(NODES.nullNode(), "v: null\n"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("quoting")
    void write_quotesOnlyWhereNeededAndReadsBackEqual(JsonNode value, String expected) {
        ObjectNode doc = NODES.objectNode().set("v", value);

        String yaml = writer.write(doc);

        assertEquals(expected, yaml);
        assertEquals(doc, readOne(yaml));
    }

    @Test
    void write_policy_isKubectlStyleInKeyOrder() throws IOException {
        JsonNode policy = new ObjectMapper().readTree("""
                {"kind":"GlobalNetworkPolicy","apiVersion":"projectcalico.org/v3",
                 "metadata":{"name":"security.allow-dns","labels":{"projectcalico.org/tier":"security","y":"n"}},
                 "spec":{"order":100,"types":["Ingress","Egress"],"selector":"all()",
                         "ingress":[{"action":"Allow","destination":{"ports":[53,"53"],"nets":[]}}],"egress":[{}]}}""");

        assertEquals("""
                kind: GlobalNetworkPolicy
                apiVersion: projectcalico.org/v3
                metadata:
                  name: security.allow-dns
                  labels:
                    projectcalico.org/tier: security
                    'y': 'n'
                spec:
                  order: 100
                  types:
                  - Ingress
                  - Egress
                  selector: all()
                  ingress:
                  - action: Allow
                    destination:
                      ports:
                      - 53
                      - '53'
                      nets: []
                  egress:
                  - {}
                """, writer.write(policy));
    }

    @Test
    void write_mergeKeyLookalike_isQuoted() {
        ObjectNode doc = NODES.objectNode().put("<<", 1);

        assertEquals("'<<': 1\n", writer.write(doc));
        assertEquals(doc, readOne(writer.write(doc)));
    }

    @Test
    void write_longString_isNotWrapped() {
        String selector = "role == 'web' && " + "tier in {'a', 'b', 'c'} && ".repeat(10) + "all()";

        assertEquals("selector: " + selector + "\n", writer.write(NODES.objectNode().put("selector", selector)));
    }

    @Test
    void write_nestedSequences_andEmptyCollections() {
        ObjectNode doc = NODES.objectNode();
        doc.putArray("m").addArray().add(1).add(2);
        doc.putObject("e");

        assertEquals("m:\n- - 1\n  - 2\ne: {}\n", writer.write(doc));
    }

    @Test
    void writeAll_separatesDocumentsWithoutLeadingMarker() {
        List<JsonNode> docs = List.of(NODES.objectNode().put("a", 1), NODES.objectNode().put("b", "2"));

        assertEquals("a: 1\n---\nb: '2'\n", writer.writeAll(docs));
        assertEquals("", writer.writeAll(List.of()));
        assertEquals(docs, new YamlReader().read(writer.writeAll(docs), "f", new Diagnostics())
                .stream().map(YamlDocument::body).toList());
    }

    private static JsonNode readOne(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        JsonNode body = new YamlReader().readOne(yaml, "written.yaml", diagnostics).orElseThrow().body();
        assertEquals("", diagnostics.format());
        return body;
    }
}
