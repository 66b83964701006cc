package io.calicogitops.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.calicogitops.diag.Diagnostics;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlLocationsTest {

    private static final String POLICIES = """
            # policies
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata:
              name: security.allow-dns
              labels:
                projectcalico.org/tier: security
                a~b: tilde
            spec:
              order: 100
              types:
              - Ingress
              - Egress
              ingress:
                - action: Allow
                  destination:
                    ports: [53, '53']
            ---
            apiVersion: projectcalico.org/v3
            kind: Tier
            metadata: {name: security}
            spec:
              order: 300
            """;

    private static List<YamlDocument> read(String text) {
        Diagnostics diagnostics = new Diagnostics();
        List<YamlDocument> documents = new YamlReader().read(text, "f", diagnostics);
        assertEquals("", diagnostics.format());
        return documents;
    }

    private static YamlDocument first(String text) {
        return read(text).get(0);
    }

    @Test
    void read_multiDocumentFile_givesIndexAndFirstContentLineOfEachDocument() {
        List<YamlDocument> documents = read(POLICIES);

        assertEquals(2, documents.size());
        assertEquals(0, documents.get(0).index());
        assertEquals(2, documents.get(0).line());
        assertEquals(1, documents.get(1).index());
        assertEquals(19, documents.get(1).line());
        assertEquals("f:19:1", documents.get(1).location().toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "'',                                          2:1",
        "/kind,                                       3:7",
        "/metadata,                                   5:3",
        "/metadata/labels/projectcalico.org~1tier,    7:29",
        "/metadata/labels/a~0b,                       8:10",
        "/spec/order,                                 10:10",
        "/spec/types,                                 12:3",
        "/spec/types/1,                               13:5",
        "/spec/ingress,                               15:5",
        "/spec/ingress/0,                             15:7",
        "/spec/ingress/0/action,                      15:15",
        "/spec/ingress/0/destination/ports,           17:16",
        "/spec/ingress/0/destination/ports/0,         17:17",
        "/spec/ingress/0/destination/ports/1,         17:21",
    })
    void locate_valuesOfFirstDocument(String pointer, String expected) {
        assertEquals("f:" + expected, first(POLICIES).locate(pointer).toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/kind,                                       3:1",
        "/metadata,                                   4:1",
        "/metadata/labels/projectcalico.org~1tier,    7:5",
        "/spec/ingress/0/action,                      15:7",
        "/spec/types/1,                               13:5",
    })
    void locateKey_givesKeyOfMemberOrItemItself(String pointer, String expected) {
        assertEquals("f:" + expected, first(POLICIES).locations().locateKey(pointer).toString());
    }

    @Test
    void locate_secondDocument_usesItsOwnLines() {
        YamlDocument tier = read(POLICIES).get(1);

        assertEquals("f:21:18", tier.locate("/metadata/name").toString());
        assertEquals("f:23:10", tier.locate("/spec/order").toString());
        assertFalse(tier.locations().contains("/spec/types"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/spec/selector,              10:3",
        "/spec/ingress/5/action,      15:5",
        "/nothing/below,              2:1",
    })
    void locate_missingPointer_fallsBackToNearestAncestorValue(String pointer, String expected) {
        assertEquals("f:" + expected, first(POLICIES).locate(pointer).toString());
    }

    @Test
    void locateKey_missingMember_fallsBackToKeyOfNearestAncestor() {
        LocationIndex index = first(POLICIES).locations();

        assertEquals("f:9:1", index.locateKey("/spec/selector").toString());
        assertEquals("f:15:7", index.locateKey("/spec/ingress/0/source").toString());
    }

    @Test
    void child_escapesTildeAndSlashPerRfc6901() {
        assertEquals("/metadata/labels/projectcalico.org~1tier", LocationIndex.child("/metadata/labels", "projectcalico.org/tier"));
        assertEquals("/a~0b~1c", LocationIndex.child("", "a~b/c"));
        assertEquals("/spec/types/1", LocationIndex.child("/spec/types", 1));
    }

    @Test
    void locate_notAPointer_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> first(POLICIES).locate("spec/order"));
    }

    @Test
    void locate_emptyValue_pointsJustAfterItsKey() {
        assertEquals("f:2:10", new YamlReader().read("a: 1\nselector:\nb: 2\n", "f", new Diagnostics()).get(0)
                .locate("/selector").toString());
    }

    private static final String SCALARS = """
            plain: role == 'web' && x
            single: 'role == ''web'' && x'
            double: "role == \\"web\\" && x"
            props: &a !!str role == x
            literal: |
              first
              role == x
            folded: role ==
              'web' && x
            alias: *a
            """;

    @ParameterizedTest(name = "{0}[{1}] -> {2}")
    @CsvSource({
        "/plain,   0,  1:8",
        "/plain,   8,  1:16",
        "/single,  0,  2:10",
        "/single,  8,  2:18",
        "/single,  13, 2:25",
        "/double,  8,  3:18",
        "/double,  13, 3:25",
        "/props,   5,  4:22",
        "/literal, 0,  6:3",
        "/literal, 6,  7:3",
        "/literal, 11, 7:8",
        "/folded,  8,  9:3",
        "/alias,   3,  10:8",
        "/missing, 3,  1:1",
    })
    void locateInScalar_pointsAtCharacterOfValue(String pointer, int offset, String expected) {
        assertEquals("f:" + expected, first(SCALARS).locations().locateInScalar(pointer, offset).toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/plain,   PLAIN",
        "/single,  SINGLE_QUOTED",
        "/double,  DOUBLE_QUOTED",
        "/props,   PLAIN",
        "/literal, LITERAL",
        "/folded,  PLAIN",
    })
    void scalarStyle_tellsHowTheValueWasWritten(String pointer, ScalarStyle expected) {
        assertEquals(Optional.of(expected), first(SCALARS).locations().scalarStyle(pointer));
    }

    @Test
    void scalarStyle_ofAliasOrMissingPointer_isEmpty() {
        LocationIndex index = first(SCALARS).locations();

        assertEquals(Optional.empty(), index.scalarStyle("/alias"));
        assertEquals(Optional.empty(), index.scalarStyle("/missing"));
        assertEquals(Optional.empty(), index.scalarStyle(""));
        assertTrue(index.scalarStyle("/single").orElseThrow().isQuoted());
    }

    @Test
    void locate_valuesCopiedThroughAnAlias_pointAtTheAlias() {
        YamlDocument doc = first("base: &ports [80, 443]\nrule:\n  ports: *ports\n");

        assertEquals("f:3:10", doc.locate("/rule/ports").toString());
        assertEquals("f:3:10", doc.locate("/rule/ports/1").toString());
        assertEquals("f:1:19", doc.locate("/base/1").toString());
    }

    @Test
    void locate_afterSupplementaryCharacters_countsCodePointColumns() {
        YamlDocument doc = first("a: \uD83D\uDE00 x\nb: [\uD83D\uDE00, 'c']\n");

        assertEquals("f:2:8", doc.locate("/b/1").toString());
        assertEquals(Optional.of(ScalarStyle.SINGLE_QUOTED), doc.locations().scalarStyle("/b/1"));
        assertEquals("f:1:6", doc.locations().locateInScalar("/a", 3).toString());
    }
}
