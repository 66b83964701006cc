package io.calicogitops.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.calicogitops.diag.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlReaderErrorsTest {

    private static String errors(YamlReader reader, String text) {
        Diagnostics diagnostics = new Diagnostics();
        reader.read(text, "f.yaml", diagnostics);
        return diagnostics.format();
    }

    private static String errors(String text) {
        return errors(new YamlReader(), text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        a: 1\\nb\\nc: 2          | f.yaml:3:1: error: could not find expected ':' (while scanning a simple key started at line 2, column 1)
        a:\\n\\tb: 1             | f.yaml:2:1: error: found a tab character where a token should start (YAML does not allow tabs for indentation)
        a: [1, 2\\nb: 3          | f.yaml:2:2: error: expected ',' or ']', but got : (while parsing a flow sequence started at line 1, column 4)
        a: 'open\\n              | f.yaml:2:1: error: found unexpected end of stream (while scanning a quoted scalar started at line 1, column 4)
        a: b: c                 | f.yaml:1:5: error: mapping values are not allowed here
        k: "a\\\\qb"             | f.yaml:1:7: error: found unknown escape character q(113) (while scanning a double-quoted scalar started at line 1, column 4)
        ? [a]\\n: 1              | f.yaml:1:4: error: mapping keys must be scalars (complex keys and aliases as keys are not supported)
        a: .inf                 | f.yaml:1:4: error: cannot read number '.inf'\\n    hint: quote it if it is meant as a string
        a: *nowhere             | f.yaml:1:4: error: undefined alias '*nowhere'
        a: &a [1, *a]           | f.yaml:1:11: error: alias '*a' refers to a collection that contains it
        a: 1\\n<<: {b: 2}        | f.yaml:2:1: error: merge keys ('<<') are not supported\\n    hint: write the merged fields out in full
        """)
    void read_badYaml_reportsLineColumnAndShortMessage(String input, String expected) {
        assertEquals(unescape(expected), errors(unescape(input)));
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
    }

    @Test
    void read_duplicateKey_isReportedAtSecondKeyAndFirstValueKept() {
        Diagnostics diagnostics = new Diagnostics();

        YamlDocument doc = new YamlReader().read("order: 100\nselector: all()\norder: 200\n", "f.yaml", diagnostics).get(0);

        assertEquals("f.yaml:3:1: error: duplicate key 'order'\n    hint: first defined at line 1", diagnostics.format());
        assertEquals(100, doc.body().get("order").asInt());
        assertEquals("f.yaml:1:8", doc.locate("/order").toString());
    }

    @Test
    void read_duplicateKeyWithMappingValue_keepsFirstTreeAndLocations() {
        Diagnostics diagnostics = new Diagnostics();

        YamlDocument doc = new YamlReader().read("spec:\n  a: 1\nspec:\n  b: 2\n", "f.yaml", diagnostics).get(0);

        assertEquals("{\"spec\":{\"a\":1}}", doc.body().toString());
        assertEquals("f.yaml:2:3", doc.locate("/spec/b").toString());
        assertEquals(1, diagnostics.errorCount());
    }

    @Test
    void read_errorInSecondDocument_keepsFirstAndGoesOnWithNextFile() {
        Diagnostics diagnostics = new Diagnostics();
        YamlReader reader = new YamlReader();

        List<YamlDocument> first = reader.read("a: 1\n---\nb: [\n", "one.yaml", diagnostics);
        List<YamlDocument> second = reader.read("c:\n\t- x\n", "two.yaml", diagnostics);

        assertEquals(1, first.size());
        assertEquals(0, second.size());
        assertEquals(List.of("one.yaml:4:1", "two.yaml:2:1"),
                diagnostics.sorted().stream().map(d -> d.location().toString()).toList());
    }

    @Test
    void read_billionLaughs_isRejectedAtTheAliasOverTheLimit() {
        String bomb = """
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
                i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
                """;
        Diagnostics diagnostics = new Diagnostics();

        List<YamlDocument> documents = new YamlReader().read(bomb, "f.yaml", diagnostics);

        assertEquals(List.of(), documents);
        assertEquals("f.yaml:7:8: error: aliases expand to more than 1000000 values in one document"
                + " (possible YAML alias bomb)", diagnostics.format());
    }

    @Test
    void read_manyAliasesToCollections_areRejectedAtTheAliasOverTheLimit() {
        String many = "base: &b [1]\nuses: [" + "*b, ".repeat(60) + "]\n";

        assertEquals("f.yaml:2:208: error: more than 50 aliases to mappings or sequences in one document"
                + " (possible YAML alias bomb)", errors(many));
        assertEquals("", errors(new YamlReader(YamlLimits.defaults().withMaxAliasesForCollections(60)), many));
        assertEquals("", errors("base: &s x\nuses: [" + "*s, ".repeat(60) + "]\n"), "aliases to scalars are cheap");
    }

    @Test
    void read_nesting10000Deep_isRejectedWithoutStackOverflow() {
        String flow = "[".repeat(10_000) + "]".repeat(10_000);
        String mappings = "{a: ".repeat(10_000) + "1" + "}".repeat(10_000);

        assertEquals("f.yaml:1:101: error: mappings and sequences are nested more than 100 levels deep", errors(flow));
        assertEquals("f.yaml:1:401: error: mappings and sequences are nested more than 100 levels deep", errors(mappings));
    }

    @Test
    void read_nesting10000DeepUnderRaisedLimit_isBuiltWithoutRecursion() {
        Diagnostics diagnostics = new Diagnostics();
        String flow = "[".repeat(10_000) + "]".repeat(10_000);

        List<YamlDocument> documents = new YamlReader(YamlLimits.defaults().withMaxDepth(20_000)).read(flow, "f.yaml", diagnostics);

        assertEquals("", diagnostics.format());
        assertEquals(1, documents.size());
        assertTrue(documents.get(0).locations().contains("/0".repeat(9_999)));
    }

    @Test
    void read_aliasThatWouldNestTooDeep_isRejected() {
        YamlReader reader = new YamlReader(YamlLimits.defaults().withMaxDepth(3));

        assertEquals("f.yaml:2:9: error: alias '*a' nests mappings and sequences more than 3 levels deep",
                errors(reader, "a: &a [[1]]\nb: {c: [*a]}\n"));
    }

    @Test
    void read_invalidUtf8_reportsByteOffsetLineAndColumn() {
        byte[] bytes = {'a', ':', ' ', '1', '\n', 'b', ':', ' ', 'c', 'a', 'f', (byte) 0xE9, '\n'};
        Diagnostics diagnostics = new Diagnostics();

        List<YamlDocument> documents = new YamlReader().read(bytes, "f.yaml", diagnostics);

        assertEquals(List.of(), documents);
        assertEquals("f.yaml:2:7: error: not valid UTF-8 at byte 11\n    hint: save the file as UTF-8", diagnostics.format());
    }

    @Test
    void read_truncatedUtf8AtEnd_isReported() {
        byte[] bytes = "a: \u00e9".getBytes(StandardCharsets.UTF_8);
        Diagnostics diagnostics = new Diagnostics();

        new YamlReader().read(java.util.Arrays.copyOf(bytes, bytes.length - 1), "f.yaml", diagnostics);

        assertEquals("f.yaml:1:4: error: not valid UTF-8 at byte 3\n    hint: save the file as UTF-8", diagnostics.format());
    }

    @Test
    void read_moreDocumentsThanLimit_keepsThoseWithinAndReports() {
        Diagnostics diagnostics = new Diagnostics();
        String text = IntStream.range(0, 5).mapToObj(i -> "n: " + i).collect(Collectors.joining("\n---\n"));

        List<YamlDocument> documents = new YamlReader(YamlLimits.defaults().withMaxDocumentsPerFile(3)).read(text, "f.yaml", diagnostics);

        assertEquals(3, documents.size());
        assertEquals("f.yaml:7:1: error: more than 3 documents in one file", diagnostics.format());
    }

    @Test
    void read_documentSizeLimit_appliesPerDocument() {
        YamlReader reader = new YamlReader(YamlLimits.defaults().withMaxDocumentCodePoints(40));
        String small = "a: 1234567890\n---\nb: 1234567890\n---\nc: 1234567890\n";

        assertEquals("", errors(reader, small));
        assertTrue(errors(reader, "a: " + "x".repeat(60) + "\n")
                .startsWith("f.yaml:1:"), "located in the file");
        assertTrue(errors(reader, "a: " + "x".repeat(60) + "\n")
                .endsWith("error: document is larger than the limit of 40 code points\n    hint: split it into several documents or files"));
    }

    @Test
    void readFile_missingOrTooLarge_isReportedAtDisplayPath(@TempDir Path dir) throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        java.nio.file.Files.writeString(dir.resolve("big.yaml"), "a: 12345\n");

        new YamlReader().readFile(dir.resolve("missing.yaml"), "fleet/missing.yaml", diagnostics);
        new YamlReader(YamlLimits.defaults().withMaxFileBytes(4)).readFile(dir.resolve("big.yaml"), "fleet/big.yaml", diagnostics);

        assertEquals("fleet/big.yaml: error: file is larger than the limit of 4 bytes\n"
                + "fleet/missing.yaml: error: file not found", diagnostics.format());
    }

    @Test
    void read_lineLongerThanTheLimit_isRefusedBeforeParsingAtTheColumnPastTheLimit() {
        YamlReader reader = new YamlReader(YamlLimits.defaults().withMaxLineChars(20));

        assertEquals("", errors(reader, "a: 12345678901234567\r\nb: [1, 2]\n"), "20 characters, the break not counted");
        assertEquals("f.yaml:2:21: error: line 2 is longer than the limit of 20 characters; the file was not read\n"
                + "    hint: break the value over several lines (a folded block scalar '>-' or a list)",
                errors(reader, "a: 1\nb: \"123456789012345678\"\nc: [\n"));
    }

    @Test
    void readOne_twoDocuments_isAnError() {
        Diagnostics diagnostics = new Diagnostics();

        new YamlReader().readOne("a: 1\n---\nb: 2\n", "values.yaml", diagnostics);

        assertEquals("values.yaml:3:1: error: expected a single YAML document, found 2", diagnostics.format());
    }
}
