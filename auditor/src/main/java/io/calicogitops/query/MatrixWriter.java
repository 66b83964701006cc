package io.calicogitops.query;

import com.fasterxml.jackson.core.JsonGenerator;
import io.calicogitops.policy.ConnectivityMatrix;
import io.calicogitops.policy.Protocols;
import io.calicogitops.policy.SourcePorts;
import io.calicogitops.policy.Verdicts;
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
        write(format, loaded, m, loaded.sourcePorts(), w);
    }

    /** {@code sourcePorts}: the clients' range the matrix was computed for (in the JSON header). */
    public static void write(String format, LoadedModel loaded, ConnectivityMatrix.Result m, SourcePorts sourcePorts, Writer w)
            throws IOException {
        switch (format) {
            case "csv" -> {
                w.write(CsvLine.of("from", "to", "protocol", "port", "verdict"));
                for (ConnectivityMatrix.Cell c : m.cells()) {
                    w.write(CsvLine.of(c.from().display(), c.to().display(), Protocols.name(c.port().protocol()),
                            c.port().port(), c.word()));
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
                    g.writeNumberField("dependsOnSourcePort", m.dependsCount());
                    g.writeObjectFieldStart("sourcePorts");
                    g.writeNumberField("min", sourcePorts.min());
                    g.writeNumberField("max", sourcePorts.max());
                    g.writeEndObject();
                    g.writeArrayFieldStart("flows");
                    for (ConnectivityMatrix.Cell c : m.cells()) {
                        g.writeStartObject();
                        g.writeStringField("from", c.from().display());
                        g.writeStringField("to", c.to().display());
                        g.writeStringField("protocol", Protocols.name(c.port().protocol()));
                        g.writeNumberField("port", c.port().port());
                        g.writeStringField("verdict", c.word());
                        if (c.dependsOnSourcePort()) {
                            g.writeArrayFieldStart("bySourcePort");
                            for (Verdicts.Split s : c.bySourcePort()) {
                                g.writeStartObject();
                                g.writeNumberField("min", s.ports().min());
                                g.writeNumberField("max", s.ports().max());
                                g.writeStringField("verdict", s.word());
                                g.writeEndObject();
                            }
                            g.writeEndArray();
                        }
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                w.write("\n");
            }
            default -> {
                w.write("matrix of " + loaded.cluster() + " (" + loaded.policySource() + "): " + m.workloads().size()
                        + " workloads, " + m.cells().size() + " flows, " + m.allowedCount() + " allowed"
                        + (m.dependsCount() == 0 ? "" : ", " + m.dependsCount() + " depending on the source port") + "\n");
                for (ConnectivityMatrix.Cell c : m.cells()) {
                    if (c.allowed()) {
                        w.write("  allow  " + c.from().display() + " -> " + c.to().display() + " " + c.port().display() + "\n");
                    } else if (c.dependsOnSourcePort()) {
                        w.write("  depends on source port  " + c.from().display() + " -> " + c.to().display() + " "
                                + c.port().display() + ": " + String.join(", ", c.bySourcePort().stream()
                                .map(s -> s.ports().display() + " " + s.word()).toList()) + "\n");
                    }
                }
            }
        }
    }
}
