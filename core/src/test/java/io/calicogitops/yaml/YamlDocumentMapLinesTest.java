package io.calicogitops.yaml;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Documents read from generated text (a rendered template) report the lines of the file they were generated from. */
class YamlDocumentMapLinesTest {

    private static YamlDocument read(String text) {
        Diagnostics d = new Diagnostics();
        YamlDocument doc = new YamlReader().read(text, "t.mustache", d).get(0);
        assertEquals("", d.format());
        return doc;
    }

    @Test
    void mapLines_movesEveryLocationButKeepsColumns() {
        YamlDocument doc = read("kind: Tier\nmetadata:\n  name: security\nspec:\n  order: 'x'\n")
                .mapLines(line -> line * 10);

        assertEquals(SourceLocation.of("t.mustache", 30, 9), doc.locate("/metadata/name"));
        assertEquals(SourceLocation.of("t.mustache", 40, 1), doc.locations().locateKey("/spec"));
        assertEquals(SourceLocation.of("t.mustache", 50, 11), doc.locations().locateInScalar("/spec/order", 0));
        assertEquals(10, doc.line());
        assertEquals(SourceLocation.of("t.mustache", 10, 1), doc.location());
    }

    @Test
    void mapLines_leavesTheOriginalUntouchedAndComposes() {
        YamlDocument doc = read("a: 1\nb: 2\n");

        YamlDocument twice = doc.mapLines(line -> line + 1).mapLines(line -> line * 2);

        assertEquals(SourceLocation.of("t.mustache", 2, 4), doc.locate("/b"));
        assertEquals(SourceLocation.of("t.mustache", 6, 4), twice.locate("/b"));
    }

    @Test
    void mapLines_missingPointer_fallsBackToTheMappedParent() {
        assertEquals(SourceLocation.of("t.mustache", 6, 1), read("- 1\n").mapLines(line -> line + 5).locate("/9"));
    }
}
