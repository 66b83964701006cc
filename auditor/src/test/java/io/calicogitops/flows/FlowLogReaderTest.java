package io.calicogitops.flows;

import io.calicogitops.diag.InvalidInputException;
import io.calicogitops.flows.FlowEndpoint.EndpointType;
import io.calicogitops.flows.FlowRecord.FlowAction;
import io.calicogitops.flows.FlowRecord.Reporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every input shape the reader accepts, with file:line origins, and malformed input reported all at once or skipped. */
class FlowLogReaderTest {

    static final Path DIR = Path.of("src/test/resources/flows");

    static List<FlowRecord> read(String... names) {
        List<FlowRecord> out = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String n : names) {
            files.add(DIR.resolve(n));
        }
        FlowLogReader.read(files, false, out::add);
        return out;
    }

    @Test
    void enterpriseJsonLines_fieldsAndLinesKept() {
        List<FlowRecord> r = read("enterprise.jsonl");
        assertEquals(2, r.size());
        FlowRecord first = r.get(0);
        assertEquals(1, first.origin().line());
        assertEquals(Reporter.DST, first.reporter());
        assertEquals(FlowAction.ALLOW, first.action());
        assertNull(first.source().name());
        assertEquals("centos-7d9f5c6b8-*", first.source().nameAggr());
        assertEquals(new TreeMap<>(Map.of("app", "centos", "pod-template-hash", "7d9f5c6b8")), first.source().labels());
        assertEquals(80, first.destPort());
        assertEquals(3, first.counts().numFlows());
        assertEquals("centos-to-frontend", first.enforced().get(0).name());
        FlowRecord second = r.get(1);
        assertEquals(3, second.origin().line(), "a blank line counts");
        assertEquals(EndpointType.NET, second.destination().type());
        assertNull(second.destination().namespace());
        assertEquals(List.of("www.google.com"), second.destDomains());
        assertTrue(second.enforced().get(0).endOfTier());
    }

    @Test
    void gzip_detectedByMagicBytesNotName() {
        assertEquals(read("enterprise.jsonl").stream().map(FlowRecord::enforced).toList(),
                read("enterprise-jsonl.bin").stream().map(FlowRecord::enforced).toList());
        assertEquals(3, read("enterprise-jsonl.bin").get(1).origin().line());
    }

    @Test
    void elasticsearchSearchResponse_sourcesStreamedAtTheirLines() {
        List<FlowRecord> r = read("es-response.json");
        assertEquals(2, r.size());
        assertEquals(7, r.get(0).origin().line(), "the line of the hit");
        assertEquals(EndpointType.NS, r.get(0).destination().type());
        assertEquals(List.of(0, 1), r.get(0).enforced().stream().map(PolicyHit::index).toList(), "sorted by index");
        assertTrue(r.get(0).enforced().get(0).staged());
        assertFalse(r.get(1).policiesRecorded());
    }

    @Test
    void jsonArray() {
        List<FlowRecord> r = read("array.json");
        assertEquals(List.of(2, 3), r.stream().map(x -> x.origin().line()).toList());
    }

    @Test
    void goldmaneNdjson_integerEnums() {
        FlowRecord r = read("goldmane.ndjson").get(0);
        assertEquals(Reporter.SRC, r.reporter());
        assertEquals(FlowAction.DENY, r.action());
        assertEquals(EndpointType.WEP, r.source().type());
        assertEquals(EndpointType.NET, r.destination().type());
        assertEquals("pub", r.destination().nameAggr());
        assertTrue(r.enforced().get(0).endOfTier());
        assertEquals("default-deny", r.enforced().get(0).name());
        assertEquals(2, r.pending().size());
        assertTrue(r.pending().get(0).staged());
        assertEquals(360, r.counts().bytesOut());
    }

    @Test
    void whiskerResponse_itemsWithoutTypes() {
        FlowRecord r = read("whisker.json").get(0);
        assertEquals(2, r.origin().line());
        assertEquals(EndpointType.WEP, r.source().type());
        assertEquals(Map.of("app", "centos", "tier", "web"), r.source().labels());
        assertEquals(EndpointType.NET, r.destination().type());
        assertEquals("pub", r.destination().nameAggr());
        assertEquals("tcp", r.proto());
        assertEquals("egress", r.enforced().get(0).name());
    }

    @Test
    void malformedLines_allReportedAtTheirLines() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> FlowLogReader.read(List.of(DIR.resolve("malformed.jsonl")), false, r -> { }));
        List<Integer> lines = e.diagnostics().stream().map(d -> d.location().line()).toList();
        assertEquals(List.of(2, 3, 4, 5), lines, e.getMessage());
        assertTrue(e.getMessage().contains("malformed.jsonl:2:1: error: action must be allow or deny"), e.getMessage());
    }

    @Test
    void skipMalformed_countsAndListsThem() {
        List<FlowRecord> good = new ArrayList<>();
        FlowLogReader.Summary s = FlowLogReader.read(List.of(DIR.resolve("malformed.jsonl")), true, good::add);
        assertEquals(1, s.records());
        assertEquals(1, good.size());
        assertEquals(List.of(2, 3, 4, 5), s.skipped().stream().map(x -> x.where().line()).toList());
    }
}
