package io.calicogitops.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.calicogitops.diag.InvalidInputException;
import org.junit.jupiter.api.Test;

class ProfileEditTest {

    private static String set(String text, String pointer, String value) {
        return ProfileEdit.setString(text, "p.yaml", pointer, value);
    }

    @Test
    void replacesAPlainValueKeepingItsComment() {
        String text = "name: a   # the name\ndefaultDeny:\n  namespaces: [default]\n  mode: staged    # staged first\n";
        assertEquals("name: a   # the name\ndefaultDeny:\n  namespaces: [default]\n  mode: enforced    # staged first\n",
                set(text, "/defaultDeny/mode", "enforced"));
    }

    @Test
    void keepsTheQuotingStyle() {
        assertEquals("defaultDeny:\n  mode: 'enforced'\n", set("defaultDeny:\n  mode: 'staged'\n", "/defaultDeny/mode", "enforced"));
        assertEquals("defaultDeny:\n  mode: \"enforced\" # x\n",
                set("defaultDeny:\n  mode: \"staged\" # x\n", "/defaultDeny/mode", "enforced"));
    }

    @Test
    void insertsAMissingKeyWithTheIndentationOfItsSiblings() {
        String text = "name: a\ndefaultDeny:   # scope\n    namespaces: [default]\nother: 1\n";
        assertEquals("name: a\ndefaultDeny:   # scope\n    mode: enforced\n    namespaces: [default]\nother: 1\n",
                set(text, "/defaultDeny/mode", "enforced"));
    }

    @Test
    void appendsAMissingBlock() {
        assertEquals("name: a\ndefaultDeny:\n  mode: enforced\n", set("name: a", "/defaultDeny/mode", "enforced"));
        assertEquals("name: a\r\ndefaultDeny:\r\n  mode: enforced\r\n", set("name: a\r\n", "/defaultDeny/mode", "enforced"));
    }

    @Test
    void quotesValuesThatWouldChangeType() {
        assertEquals("x:\n  y: \"true\"\n", set("x:\n  y: a\n", "/x/y", "true"));
        assertEquals("x:\n  y: \"a: b\"\n", set("x:\n  y: a\n", "/x/y", "a: b"));
    }

    @Test
    void leavesTheTextAloneWhenTheValueIsAlreadySet() {
        String text = "defaultDeny:\n  mode: enforced\n";
        assertSame(text, set(text, "/defaultDeny/mode", "enforced"));
    }

    @Test
    void refusesFlowMappingsAndBlockScalarsWithTheirLocation() {
        InvalidInputException flow = assertThrows(InvalidInputException.class,
                () -> set("name: a\ndefaultDeny: {namespaces: [default]}\n", "/defaultDeny/mode", "enforced"));
        assertTrue(flow.diagnostics().get(0).toString().startsWith("p.yaml:2:"), flow.diagnostics().toString());
        assertThrows(InvalidInputException.class, () -> set("x:\n  y: |\n    a\n", "/x/y", "b"));
        assertThrows(InvalidInputException.class, () -> set("x:\n  y: [a]\n", "/x/y", "b"));
    }

    @Test
    void editsAFlowMappingValueInPlaceWhenTheKeyIsPresent() {
        assertEquals("defaultDeny: {mode: enforced, order: 5}\n",
                set("defaultDeny: {mode: staged, order: 5}\n", "/defaultDeny/mode", "enforced"));
    }
}
