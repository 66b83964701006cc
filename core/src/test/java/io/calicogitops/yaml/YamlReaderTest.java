package io.calicogitops.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.calicogitops.diag.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamlReaderTest {

    private static final ObjectMapper JACKSON_YAML = new ObjectMapper(new YAMLFactory());

    private static List<YamlDocument> read(String text) {
        Diagnostics diagnostics = new Diagnostics();
        List<YamlDocument> documents = new YamlReader().read(text, "f", diagnostics);
        assertEquals("", diagnostics.format());
        return documents;
    }

    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "port: 53\nquoted: '53'\ndq: \"53\"\nneg: -1\nbig: 12345678901234567890\nlong: 1099511627776",
        "f: 1.5\ne: 1e3\ndot: .5\nhex: 0x1F\noct: 017\nbin: 0b101\nunder: 1_000\nzero: 0\nlead: '08'",
        "t: true\nT: True\ny: yes\nn: no\non: on\noff: off\nletter: y\nempty:\ntilde: ~\nnull: null\nsq: ''",
        "date: 2001-12-14\nsexa: 1:20\ntagged: !!str 5\nint: !!int '5'\nnan: NaN\ntext: web",
        "bin: !!binary aGVsbG8=\nlist: [1, 'a', {b: null}]\nmulti: |\n  a\n  b\nfolded: >\n  a\n  b\n",
    })
    void read_scalarTypes_matchJacksonTreeReading(String text) throws IOException {
        assertEquals(JACKSON_YAML.readTree(text), read(text).get(0).body());
    }

    @Test
    void read_emptyDocuments_areSkipped() {
        List<YamlDocument> documents = read("# header\n---\n---\n# only a comment\n\n---\na: 1\n---\n...\n---\nnull\n---\n~\n---\nb: 2\n");

        assertEquals(2, documents.size());
        assertEquals(List.of(0, 1), documents.stream().map(YamlDocument::index).toList());
        assertEquals(List.of(7, 15), documents.stream().map(YamlDocument::line).toList());
    }

    @Test
    void read_emptyText_givesNoDocuments() {
        assertEquals(List.of(), read(""));
        assertEquals(List.of(), read("# nothing\n"));
    }

    @Test
    void read_keysWithSlashAndTilde_keptAsWritten() throws IOException {
        JsonNode body = read("labels:\n  projectcalico.org/tier: security\n  a~b: c\n").get(0).body();

        assertEquals(json("{\"labels\":{\"projectcalico.org/tier\":\"security\",\"a~b\":\"c\"}}"), body);
    }

    @Test
    void read_aliases_areExpandedAsIndependentCopies() throws IOException {
        JsonNode body = read("base: &ports [80, 443]\nrule:\n  ports: *ports\nname: &n web\ncopy: *n\n").get(0).body();

        assertEquals(json("{\"base\":[80,443],\"rule\":{\"ports\":[80,443]},\"name\":\"web\",\"copy\":\"web\"}"), body);
        assertNotSame(body.get("base"), body.at("/rule/ports"));
    }

    @Test
    void read_anchorsAfterTagsAndInFlowCollections_areFound() throws IOException {
        assertEquals(json("{\"a\":\"x\",\"b\":\"x\",\"c\":[\"y\",\"y\"]}"),
                read("a: !!str &s x\nb: *s\nc: [&t y, *t]\n").get(0).body());
    }

    @Test
    void read_byteOrderMark_isIgnored() {
        byte[] bytes = "\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_8);
        Diagnostics diagnostics = new Diagnostics();

        YamlDocument doc = new YamlReader().read(bytes, "f", diagnostics).get(0);

        assertEquals("", diagnostics.format());
        assertEquals(1, doc.body().get("a").asInt());
        assertEquals("f:1:4", doc.locate("/a").toString());
    }

    @Test
    void read_crlfLineEnds_countLinesOnce() {
        YamlDocument doc = read("a: 1\r\nb:\r\n  c: x\r\n").get(0);

        assertEquals("f:3:6", doc.locate("/b/c").toString());
        assertEquals("f:3:7", doc.locations().locateInScalar("/b/c", 1).toString());
    }

    @Test
    void read_tabInsideValue_isKept() {
        assertEquals("x\ty", read("a: x\ty\n").get(0).body().get("a").asText());
    }

    @Test
    void readFile_readsUtf8FileWithDisplayPath(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("tier.yaml"), "kind: Tier\n---\nkind: Tier\n");
        Diagnostics diagnostics = new Diagnostics();

        List<YamlDocument> documents = new YamlReader().readFile(file, "fleet/tier.yaml", diagnostics);

        assertEquals(2, documents.size());
        assertEquals("fleet/tier.yaml:3:7", documents.get(1).locate("/kind").toString());
    }

    @Test
    void readOne_singleDocument_isReturned() {
        Diagnostics diagnostics = new Diagnostics();

        Optional<YamlDocument> doc = new YamlReader().readOne("---\na: 1\n", "values.yaml", diagnostics);

        assertTrue(doc.isPresent());
        assertEquals("", diagnostics.format());
        assertEquals(Optional.empty(), new YamlReader().readOne("# empty\n", "values.yaml", diagnostics));
    }
}
