package io.calicogitops.flows;

import java.nio.file.Path;
import java.util.List;

/** Where the records of flow-log files come from: the product's flow-log reader, or a test's records. */
@FunctionalInterface
public interface FlowRecordSource {

    /** The records of {@code files}, in file order; bad input is reported as an invalid-input exception (exit 3). */
    Iterable<FlowRecord> read(List<Path> files);
}
