package io.calicogitops.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress bar as a terminal sees it, with a fake clock. */
class TerminalProgressTest {

    private final StringWriter screen = new StringWriter();
    private final AtomicLong now = new AtomicLong(1_000);
    private final TerminalProgress progress = new TerminalProgress(new PrintWriter(screen), now::get);

    private void later(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void shortRun_printsNothing() {
        try (Progress.Task task = progress.start("render", "clusters", 4)) {
            for (int i = 0; i < 4; i++) {
                later(100);
                task.advance();
            }
        }
        assertEquals("", screen.toString());
    }

    @Test
    void longRun_drawsBarInPlace_thenClearsTheLine() {
        Progress.Task task = progress.start("render", "clusters", 4);
        later(600);
        task.advance();
        later(200);
        task.advance();
        assertEquals("\rrender [######..................] 1/4 clusters"
                + "\rrender [############............] 2/4 clusters", screen.toString());
        task.close();
        assertTrue(screen.toString().endsWith("\r" + " ".repeat("render [############............] 2/4 clusters".length()) + "\r"));
    }

    @Test
    void redrawsAtMostTenTimesASecond_butAlwaysShowsTheLastUnit() {
        Progress.Task task = progress.start("audit", "files", 1000);
        later(600);
        for (int i = 0; i < 1000; i++) {
            task.advance();
        }
        String drawn = screen.toString();
        assertEquals(2, drawn.split("\r", -1).length - 1, drawn);
        assertTrue(drawn.endsWith("\raudit [########################] 1000/1000 files"), drawn);
    }

    @Test
    void unknownTotal_countsOnly() {
        Progress.Task task = progress.start("history", "commits", -1);
        later(600);
        task.advance();
        later(150);
        task.advance();
        assertEquals("\rhistory 1 commits\rhistory 2 commits", screen.toString());
    }

    @Test
    void none_drawsNothing() {
        Progress.Task task = Progress.none().start("render", "clusters", 2);
        task.advance();
        task.close();
        assertEquals(Progress.Task.NONE, task);
    }
}
