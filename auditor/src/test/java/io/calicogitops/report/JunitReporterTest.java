package io.calicogitops.report;

import io.calicogitops.testing.Golden;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.StringReader;

import static io.calicogitops.report.ReportFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JUnit XML for CI, checked by parsing it back with the JDK's DOM parser. */
class JunitReporterTest {

    @Test
    void write_driftReport_matchesGolden() throws IOException {
        Golden.assertText(ReportFixtures.golden("drift.junit.xml"), render(new JunitReporter(), ReportFixtures.drift()));
    }

    @Test
    void write_driftReport_countsAndOutcomesParseBack() throws Exception {
        Element suite = parse(render(new JunitReporter(), ReportFixtures.drift())).getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("calico-gitops audit eks-prod", suite.getAttribute("name"));
        assertEquals("7", suite.getAttribute("tests"));
        assertEquals("4", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals("0", suite.getAttribute("time"));
        assertFalse(suite.hasAttribute("timestamp"));

        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(7, cases.getLength());
        Element modified = (Element) cases.item(2);
        assertEquals("GlobalNetworkPolicy", modified.getAttribute("classname"));
        assertEquals("deny-egress-internet", modified.getAttribute("name"));
        Element failure = (Element) modified.getElementsByTagName("failure").item(0);
        assertEquals("critical", failure.getAttribute("type"));
        assertEquals("egress rule 2: action Deny -> Allow", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("- order 100 -> 1000 (warning, /spec/order)"), failure.getTextContent());
        assertTrue(failure.getTextContent().contains("- label team removed (was platform)"), failure.getTextContent());

        Element ignored = (Element) cases.item(3);
        assertEquals("ignored by operator-managed-labels",
                ((Element) ignored.getElementsByTagName("skipped").item(0)).getAttribute("message"));
        Element missing = (Element) cases.item(4);
        assertEquals("payments/allow-ingress-from-istio-ingressgateway-and-prometheus-scrapers", missing.getAttribute("name"));
        assertEquals("in Git but not in the cluster",
                ((Element) missing.getElementsByTagName("failure").item(0)).getAttribute("message"));
        Element inSync = (Element) cases.item(0);
        assertEquals(0, inSync.getChildNodes().getLength());
    }

    @Test
    void write_hostileText_isEscapedAndStillWellFormed() throws Exception {
        Document doc = parse(render(new JunitReporter(), ReportFixtures.hostile()));
        Element suite = doc.getDocumentElement();
        assertEquals("calico-gitops audit prod<script>alert(1)</script>&co", suite.getAttribute("name"));
        Element unmanaged = (Element) suite.getElementsByTagName("testcase").item(0);
        assertEquals("x<script>alert(\"x\")</script>&y|z`w", unmanaged.getAttribute("name"));
        String message = ((Element) unmanaged.getElementsByTagName("failure").item(0)).getAttribute("message");
        assertTrue(message.startsWith("net <b>10.0.0.0/8</b> & ```|``` \uFFFD added"), message);
    }

    @Test
    void clean_replacesCharactersXmlCannotCarry() {
        assertEquals("a\uFFFDb\tc\n", JunitReporter.clean("a\u0001b\tc\n"));
        assertEquals("\uD83D\uDE00", JunitReporter.clean("\uD83D\uDE00"));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
