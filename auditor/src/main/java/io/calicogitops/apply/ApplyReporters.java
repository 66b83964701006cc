package io.calicogitops.apply;

import io.calicogitops.output.OutputFormat;
import io.calicogitops.output.Reporter;

/** The formats of an apply result: text (the default) and JSON (schema {@value ApplyJsonReport#SCHEMA}). */
public final class ApplyReporters {

    public static final Reporter<ApplyResult> REPORTER = Reporter.<ApplyResult>builder("apply result")
            .add(OutputFormat.TEXT, (r, out) -> ApplyTextReport.write(r, out))
            .add(OutputFormat.JSON, (r, out) -> ApplyJsonReport.write(r, out))
            .build();

    private ApplyReporters() {
    }
}
