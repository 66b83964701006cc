package io.calicogitops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The program's outermost guard: running out of memory must not exit 1, which reads as "drift found". */
class MainTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    @Test
    void guarded_outOfMemory_exits70WithAHeapHint() {
        int code = Main.guarded(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, errStream);
        assertEquals(70, code);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("error: out of memory"), text);
        assertTrue(text.contains("CALICO_GITOPS_JAVA_OPTS=-Xmx"), text);
    }

    @Test
    void guarded_normalRun_keepsTheCommandsExitCode() {
        assertEquals(1, Main.guarded(() -> 1, errStream));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
}
