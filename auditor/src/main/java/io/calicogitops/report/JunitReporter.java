package io.calicogitops.report;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.Change;
import io.calicogitops.audit.DriftStatus;
import io.calicogitops.output.Renderer;

import java.io.IOException;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI test tabs: one {@code <testsuite>} per audit, one {@code <testcase>} per resource. Drift is a
 * {@code <failure>} typed by severity, an ignored difference is {@code <skipped>}, in-sync passes. No timestamps,
 * {@code time="0"} everywhere, so the same report gives the same bytes.
 */
public final class JunitReporter implements Renderer<AuditReport> {

    // The JDK's own writer, not whichever StAX provider is on the classpath: its output is part of the golden files.
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    @Override
    public void write(AuditReport report, Writer out) throws IOException {
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", clean("calico-gitops audit " + report.cluster()));
            xml.writeAttribute("tests", String.valueOf(report.entries().size()));
            xml.writeAttribute("failures", String.valueOf(report.entries().stream().filter(e -> e.isDrift()).count()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", String.valueOf(report.count(DriftStatus.IGNORED)));
            xml.writeAttribute("time", "0");
            properties(report, xml);
            for (var entry : report.entries()) {
                testcase(new EntryView(entry), xml);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("write JUnit XML report", e);
        }
        out.flush();
    }


    /** What was compared, for people who open the XML: CI tools ignore properties they do not know. */
    private static void properties(AuditReport report, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("properties");
        property(xml, "cluster", report.cluster());
        property(xml, "desiredCommit", report.desiredCommit());
        property(xml, "desiredRef", report.desiredRef());
        property(xml, "liveSource", report.liveSource());
        property(xml, "coverage", new ReportView(report).coveragePercent());
        for (String rule : report.expiredIgnoreRules()) {
            property(xml, "expiredIgnoreRule", rule);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value == null ? "" : value));
    }

    private static void testcase(EntryView e, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        if (e.entry().status() == DriftStatus.IN_SYNC) {
            xml.writeEmptyElement("testcase");
            testcaseAttributes(e, xml);
            return;
        }
        xml.writeStartElement("testcase");
        testcaseAttributes(e, xml);
        xml.writeCharacters("\n    ");
        if (e.entry().status() == DriftStatus.IGNORED) {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", clean("ignored by " + (e.ignoredBy() == null ? "an ignore rule" : e.ignoredBy())));
        } else {
            xml.writeStartElement("failure");
            xml.writeAttribute("type", e.severity());
            xml.writeAttribute("message", clean(e.headline()));
            xml.writeCharacters(clean(body(e)));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void testcaseAttributes(EntryView e, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeAttribute("classname", clean(e.kind()));
        xml.writeAttribute("name", clean(e.name()));
        xml.writeAttribute("time", "0");
    }

    /** Status, place in Git and every sentence, one per line, as CI shows the failure's text. */
    private static String body(EntryView e) {
        StringBuilder b = new StringBuilder();
        b.append(e.entry().id().display()).append(": ").append(e.status()).append(", ").append(e.severity()).append('\n');
        if (e.where() != null) {
            b.append("desired: ").append(e.where()).append('\n');
        }
        if (e.changes().isEmpty()) {
            b.append("- ").append(e.headline()).append('\n');
        }
        for (Change c : e.changes()) {
            b.append("- ").append(c.sentence()).append(" (").append(c.severity().label())
                    .append(c.pointer().isEmpty() ? "" : ", " + c.pointer()).append(")\n");
        }
        return b.toString();
    }

    /** Replaces characters that XML 1.0 cannot carry at all (escaping does not help) with U+FFFD. */
    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(isXmlChar(cp) ? cp : 0xFFFD));
        return b.toString();
    }

    private static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
