package io.calicogitops.flows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sample-repo/flow-logs is what its generator writes: compiled with the JDK's compiler and run on the committed
 * description into a temporary folder, it gives the committed files byte for byte (seeded, no wall clock).
 */
class SampleFlowLogsRegenerateTest {

    @Test
    void regeneratingGivesTheCommittedBytes(@TempDir Path tmp) throws Exception {
        Path dir = SampleFlowLogs.sampleDir();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        int rc = javac.run(null, null, errors, "-d", classes.toString(), dir.resolve("FlowLogSample.java").toString());
        assertEquals(0, rc, errors.toString());
        Path out = Files.createDirectories(tmp.resolve("out"));
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, null)) {
            loader.loadClass("FlowLogSample").getMethod("main", String[].class)
                    .invoke(null, (Object) new String[]{dir.resolve("flows.json").toString(), out.toString()});
        }
        for (String file : List.of("eks-dev.flows.jsonl", "eks-prod.flows.jsonl")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve(file)), Files.readAllBytes(out.resolve(file)), file);
        }
        try (var written = Files.list(out)) {
            assertEquals(2, written.count());
        }
    }

    /** What recommend and replay need from the data: two intervals or more, both reporters, denials, staged pending hits. */
    @Test
    void theSamplesCarryWhatTheirReadersNeed() {
        for (String file : List.of("eks-dev.flows.jsonl", "eks-prod.flows.jsonl")) {
            List<FlowRecord> records = SampleFlowLogs.read(SampleFlowLogs.sampleDir().resolve(file));
            assertTrue(records.stream().map(FlowRecord::startTime).distinct().count() >= 2, file);
            assertTrue(records.stream().anyMatch(r -> r.reporter() == FlowRecord.Reporter.SRC), file);
            assertTrue(records.stream().anyMatch(r -> r.reporter() == FlowRecord.Reporter.DST), file);
            assertTrue(records.stream().anyMatch(r -> r.action() == FlowRecord.FlowAction.DENY), file);
            assertTrue(records.stream().anyMatch(r -> r.enforced().stream().anyMatch(PolicyHit::endOfTier)), file);
            assertTrue(records.stream().anyMatch(Recommender::unprotected), file);
            assertTrue(records.stream().anyMatch(r -> r.enforced().stream().anyMatch(h -> h.text().matches("\\d+\\|[^|]+\\|[a-z]+:.*"))), file);
        }
        List<FlowRecord> dev = SampleFlowLogs.read(SampleFlowLogs.sampleDir().resolve("eks-dev.flows.jsonl"));
        assertTrue(dev.stream().anyMatch(r -> r.pending().stream().anyMatch(PolicyHit::staged)));
    }
}
