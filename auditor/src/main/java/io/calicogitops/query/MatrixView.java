package io.calicogitops.query;

import io.calicogitops.output.OutputFormat;
import io.calicogitops.output.Reporter;
import io.calicogitops.policy.ConnectivityMatrix;
import io.calicogitops.policy.SourcePorts;

/** A computed connectivity matrix with what it was computed from, as {@code matrix} prints it. */
public record MatrixView(LoadedModel loaded, ConnectivityMatrix.Result matrix, SourcePorts sourcePorts) {

    /** Text (summary and allowed flows; the default), JSON (schema {@value MatrixWriter#SCHEMA}) or CSV (every cell). */
    public static final Reporter<MatrixView> REPORTER = Reporter.<MatrixView>builder("matrix")
            .add(OutputFormat.TEXT, (v, w) -> MatrixWriter.write("text", v.loaded(), v.matrix(), v.sourcePorts(), w))
            .add(OutputFormat.JSON, (v, w) -> MatrixWriter.write("json", v.loaded(), v.matrix(), v.sourcePorts(), w))
            .add(OutputFormat.CSV, (v, w) -> MatrixWriter.write("csv", v.loaded(), v.matrix(), v.sourcePorts(), w))
            .build();
}
