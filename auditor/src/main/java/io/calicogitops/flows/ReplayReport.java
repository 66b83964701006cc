package io.calicogitops.flows;

import io.calicogitops.output.OutputFormat;
import io.calicogitops.output.Reporter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.report.HtmlReporter;
import io.calicogitops.report.JsonStyle;
import io.calicogitops.report.JunitReporter;
import io.calicogitops.report.TextReporter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Renders a {@link ReplayResult}: text (summary and one line per disagreement), JSON (schema
 * {@code calico-gitops/flow-replay/v1}, documented in docs/json-schemas.md), HTML and JUnit XML (one failing test case
 * per disagreement, one passing case for the agreeing records). Text from the records is made printable first.
 */
public final class ReplayReport {

    public static final String SCHEMA_VERSION = "calico-gitops/flow-replay/v1";
    /** Text (the default), JSON, HTML and JUnit XML of a replay. */
    public static final Reporter<ReplayResult> REPORTER = Reporter.<ReplayResult>builder("replay report")
            .text(OutputFormat.TEXT, r -> new ReplayReport(r).text())
            .text(OutputFormat.JSON, r -> new ReplayReport(r).json())
            .text(OutputFormat.HTML, r -> new ReplayReport(r).html())
            .text(OutputFormat.JUNIT, r -> new ReplayReport(r).junit())
            .build();

    private final ReplayResult r;

    public ReplayReport(ReplayResult result) {
        this.r = result;
    }

    private String summary() {
        return r.records() + " records: " + r.agreed() + " agree with Git, " + r.disagreed() + " disagree, " + r.skipped().size() + " skipped";
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("Flow replay for cluster ").append(r.cluster()).append(" against ").append(r.policySource()).append('\n');
        b.append(summary()).append('\n');
        r.byCategory().forEach((c, n) -> b.append("  ").append(c).append(": ").append(n).append('\n'));
        if (!r.disagreements().isEmpty()) {
            b.append("\nDisagreements:\n");
            for (Disagreement d : r.disagreements()) {
                b.append(TextReporter.printable(d.source())).append(": ").append(d.category().id()).append(": ")
                        .append(TextReporter.printable(d.sentence())).append('\n');
            }
        }
        if (!r.skipped().isEmpty()) {
            b.append("\nSkipped (malformed):\n");
            r.skipped().forEach(s -> b.append(s.where()).append(": ").append(TextReporter.printable(s.reason())).append('\n'));
        }
        return b.toString();
    }

    /** The JSON tree (also embedded in evidence bundles). */
    public ObjectNode tree() {
        ObjectNode n = JsonStyle.MAPPER.createObjectNode();
        n.put("schema", SCHEMA_VERSION);
        n.put("cluster", r.cluster());
        n.put("policies", r.policySource());
        ArrayNode inputs = n.putArray("inputs");
        r.inputs().forEach(inputs::add);
        n.put("records", r.records());
        n.put("agreed", r.agreed());
        n.put("disagreed", r.disagreed());
        n.put("skipped", r.skipped().size());
        ObjectNode cats = n.putObject("byCategory");
        r.byCategory().forEach(cats::put);
        ArrayNode ds = n.putArray("disagreements");
        for (Disagreement d : r.disagreements()) {
            ObjectNode o = ds.addObject();
            o.put("source", d.source());
            o.put("category", d.category().id());
            o.put("recorded", d.recorded());
            o.put("computed", d.computed());
            o.put("sentence", d.sentence());
        }
        ArrayNode sk = n.putArray("skippedRecords");
        r.skipped().forEach(s -> sk.addObject().put("source", s.where().toString()).put("reason", s.reason()));
        return n;
    }

    public String json() {
        try {
            return JsonStyle.PRETTY.writeValueAsString(tree()) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String html() {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Flow replay "
                + HtmlReporter.escape(r.cluster()) + "</title></head>\n<body>\n<h1>Flow replay: " + HtmlReporter.escape(r.cluster()) + "</h1>\n");
        b.append("<p>").append(HtmlReporter.escape(r.policySource())).append("</p>\n<p>").append(HtmlReporter.escape(summary())).append("</p>\n");
        if (!r.disagreements().isEmpty()) {
            b.append("<table>\n<tr><th>Source</th><th>Category</th><th>Recorded</th><th>Computed</th><th>Why</th></tr>\n");
            for (Disagreement d : r.disagreements()) {
                b.append("<tr><td>").append(HtmlReporter.escape(d.source())).append("</td><td>").append(d.category().id())
                        .append("</td><td>").append(HtmlReporter.escape(d.recorded())).append("</td><td>").append(HtmlReporter.escape(d.computed()))
                        .append("</td><td>").append(HtmlReporter.escape(d.sentence())).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    public String junit() {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", JunitReporter.clean("calico-gitops flows replay " + r.cluster()));
            xml.writeAttribute("tests", String.valueOf(r.disagreements().size() + r.skipped().size() + 1));
            xml.writeAttribute("failures", String.valueOf(r.disagreements().size()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", String.valueOf(r.skipped().size()));
            xml.writeAttribute("time", "0");
            testcase(xml, "agreeing records", r.agreed() + " records agree with Git", null, null);
            for (Disagreement d : r.disagreements()) {
                testcase(xml, d.source(), null, d.category().id(), d.sentence());
            }
            for (FlowLogReader.Skipped s : r.skipped()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "flows");
                xml.writeAttribute("name", JunitReporter.clean(s.where().toString()));
                xml.writeAttribute("time", "0");
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", JunitReporter.clean(s.reason()));
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void testcase(XMLStreamWriter xml, String name, String out, String type, String message) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "flows");
        xml.writeAttribute("name", JunitReporter.clean(name));
        xml.writeAttribute("time", "0");
        if (type != null) {
            xml.writeStartElement("failure");
            xml.writeAttribute("type", type.toLowerCase(Locale.ROOT));
            xml.writeAttribute("message", JunitReporter.clean(message));
            xml.writeEndElement();
        } else if (out != null) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(JunitReporter.clean(out));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
}
