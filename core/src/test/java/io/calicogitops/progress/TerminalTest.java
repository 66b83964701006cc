package io.calicogitops.progress;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerminalTest {

    @Test
    void terminalDevices_areTerminals() {
        assertTrue(Terminal.isTerminalDevice("/dev/pts/3"));
        assertTrue(Terminal.isTerminalDevice("/dev/tty1"));
        assertTrue(Terminal.isTerminalDevice("/dev/tty"));
        assertTrue(Terminal.isTerminalDevice("/dev/console"));
    }

    @Test
    void pipesFilesAndNull_areNot() {
        assertFalse(Terminal.isTerminalDevice("pipe:[123456]"));
        assertFalse(Terminal.isTerminalDevice("/tmp/build.log"));
        assertFalse(Terminal.isTerminalDevice("/dev/null"));
        assertFalse(Terminal.isTerminalDevice("socket:[42]"));
    }

    @Test
    void underTheTestRunner_stderrIsNotATerminal() {
        // Surefire's forked JVM writes stderr to a pipe: a bar here would corrupt the reports.
        assertFalse(Terminal.stderrIsTerminal());
    }
}
