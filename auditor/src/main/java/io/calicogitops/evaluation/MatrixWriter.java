package io.calicogitops.evaluation;

import com.fasterxml.jackson.core.JsonGenerator;
import io.calicogitops.eval.ConnectivityMatrix;
import io.calicogitops.eval.Protocols;
import io.calicogitops.report.CsvLine;
import io.calicogitops.report.JsonStyle;

import java.io.IOException;
import java.io.Writer;

/** Writes the connectivity matrix: text (summary and allowed flows), csv or streamed json (every cell). */
public final class MatrixWriter {

    public static final String SCHEMA = "calico-gitops/matrix/v1";

    private MatrixWriter() {
    }

    public static void write(String format, LoadedModel loaded, ConnectivityMatrix.Result m, Writer w) throws IOException {
        switch (format) {
            case "csv" -> {
                w.write(CsvLine.of("from", "to", "protocol", "port", "verdict"));
                for (ConnectivityMatrix.Cell c : m.cells()) {
                    w.write(CsvLine.of(c.from().display(), c.to().display(), Protocols.name(c.port().protocol()),
                            c.port().port(), c.allowed() ? "allow" : "deny"));
                }
            }
            case "json" -> {
                try (JsonGenerator g = JsonStyle.MAPPER.getFactory().createGenerator(w)) {
                    g.writeStartObject();
                    g.writeStringField("schemaVersion", SCHEMA);
                    g.writeStringField("cluster", loaded.cluster());
                    g.writeStringField("policies", loaded.policySource());
                    g.writeNumberField("workloads", m.workloads().size());
                    g.writeNumberField("cells", m.cells().size());
                    g.writeNumberField("allowed", m.allowedCount());
                    g.writeArrayFieldStart("flows");
                    for (ConnectivityMatrix.Cell c : m.cells()) {
                        g.writeStartObject();
                        g.writeStringField("from", c.from().display());
                        g.writeStringField("to", c.to().display());
                        g.writeStringField("protocol", Protocols.name(c.port().protocol()));
                        g.writeNumberField("port", c.port().port());
                        g.writeStringField("verdict", c.allowed() ? "allow" : "deny");
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                w.write("\n");
            }
            default -> {
                w.write("matrix of " + loaded.cluster() + " (" + loaded.policySource() + "): " + m.workloads().size()
                        + " workloads, " + m.cells().size() + " flows, " + m.allowedCount() + " allowed\n");
                for (ConnectivityMatrix.Cell c : m.cells()) {
                    if (c.allowed()) {
                        w.write("  allow  " + c.from().display() + " -> " + c.to().display() + " " + c.port().display() + "\n");
                    }
                }
            }
        }
    }
}
