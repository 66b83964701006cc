package io.calicogitops.flows;

import java.nio.file.Path;
import java.util.List;

/** Where the records of flow-log files come from: the product's flow-log reader, or a test's records. */
@FunctionalInterface
public interface FlowRecordSource {

    /** The records of {@code files}, in file order; bad input is reported as an invalid-input exception (exit 3). */
    Iterable<FlowRecord> read(List<Path> files);

    /**
     * The product's reader ({@link FlowLogReader}): every shape it knows, malformed records all reported at once.
     * The recommender aggregates over all records, so they are collected here (replay streams them instead).
     */
    static FlowRecordSource files() {
        return files -> {
            List<FlowRecord> records = new java.util.ArrayList<>();
            FlowLogReader.read(files, false, records::add);
            return records;
        };
    }
}
