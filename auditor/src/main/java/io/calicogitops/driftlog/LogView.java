package io.calicogitops.driftlog;

import io.calicogitops.output.OutputFormat;
import io.calicogitops.output.Reporter;

import java.util.List;

/** What {@code log show} prints: a cluster's entries in the window and the drift timeline over them. */
public record LogView(String cluster, List<LogEntry> entries, DriftTimeline timeline) {

    /** Text for terminals (the default) and JSON. */
    public static final Reporter<LogView> REPORTER = Reporter.<LogView>builder("drift log")
            .add(OutputFormat.TEXT, (v, out) -> LogTextReport.write(v.cluster(), v.entries(), v.timeline(), out))
            .add(OutputFormat.JSON, (v, out) -> LogJsonReport.write(v.cluster(), v.entries(), v.timeline(), out))
            .build();

    public LogView {
        entries = List.copyOf(entries);
    }
}
