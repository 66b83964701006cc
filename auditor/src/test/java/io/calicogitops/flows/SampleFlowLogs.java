package io.calicogitops.flows;


import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The sample flow logs for these tests, read with the product's own reader and trace parser. */
final class SampleFlowLogs {

    private SampleFlowLogs() {
    }

    static Path sampleDir() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize().resolve("sample-repo/flow-logs");
    }

    /** The records of one sample file, read by the product's reader (every shape, file:line origins). */
    static List<FlowRecord> read(Path file) {
        List<FlowRecord> records = new java.util.ArrayList<>();
        FlowLogReader.read(List.of(file), false, records::add);
        return records;
    }

    /** One trace entry, parsed by the product's parser. */
    static PolicyHit hit(String text) {
        return PolicyTraceParser.parse(text);
    }
}
