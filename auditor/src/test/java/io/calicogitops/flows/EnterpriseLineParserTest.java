package io.calicogitops.flows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.diag.InvalidInputException;
import io.calicogitops.diag.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast reading of a JSON-lines record ({@link EnterpriseLineParser}) against the general one (a Jackson tree and
 * {@link RecordParser}): on every sample and test file and on edge lines (every aggregation level, both trace name
 * syntaxes, staged names, other shapes, odd values, malformed lines) both give the same records, the same skipped
 * lines and the same file:line:col errors.
 */
class EnterpriseLineParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one reading gave: the records and skipped lines, and with skipMalformed off, the errors. */
    private record Reading(List<FlowRecord> records, List<FlowLogReader.Skipped> skipped, String errors) {
    }

    private static Reading reading(List<Path> files, boolean fast) {
        List<FlowRecord> records = new ArrayList<>();
        FlowLogReader.Summary s = FlowLogReader.read(files, true, fast, records::add);
        String errors;
        try {
            FlowLogReader.read(files, false, fast, r -> { });
            errors = "";
        } catch (InvalidInputException e) {
            errors = e.getMessage() + "\n" + e.diagnostics();
        }
        return new Reading(records, s.skipped(), errors);
    }

    private static void assertSameReading(List<Path> files) {
        Reading tree = reading(files, false);
        Reading fast = reading(files, true);
        assertEquals(tree.records().size(), fast.records().size(), files.toString());
        for (int i = 0; i < tree.records().size(); i++) {
            assertEquals(tree.records().get(i), fast.records().get(i), "record " + i + " of " + files);
        }
        assertEquals(tree.skipped(), fast.skipped(), files.toString());
        assertEquals(tree.errors(), fast.errors(), files.toString());
    }

    private static List<Path> files(Path dir, String glob) throws IOException {
        List<Path> out = new ArrayList<>();
        try (var s = Files.newDirectoryStream(dir, glob)) {
            s.forEach(out::add);
        }
        out.sort(null);
        return out;
    }

    @Test
    void everySampleAndTestFile_sameRecordsAndErrors() throws IOException {
        List<Path> all = new ArrayList<>(files(FlowLogReaderTest.DIR, "*"));
        all.addAll(files(SampleFlowLogs.sampleDir(), "*.json*"));
        assertTrue(all.size() >= 10, all.toString());
        for (Path f : all) {
            assertSameReading(List.of(f));
        }
    }

    @Test
    void plainEnterpriseLines_takeTheFastPath() throws IOException {
        // Otherwise the comparison above would hold trivially: every sample JSON-lines record is the plain shape.
        EnterpriseLineParser fast = new EnterpriseLineParser();
        List<Path> jsonl = new ArrayList<>(files(SampleFlowLogs.sampleDir(), "*.jsonl"));
        jsonl.add(FlowLogReaderTest.DIR.resolve("enterprise.jsonl"));
        int n = 0;
        for (Path f : jsonl) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    assertNotNull(fast.parse(line, SourceLocation.of(f.toString(), 1, 1)), f + ": " + line);
                    n++;
                }
            }
        }
        assertNotNull(fast.parse(BASE, SourceLocation.of("x", 1, 1)));
        assertTrue(n > 50, "lines: " + n);
    }

    /** The benchmark's shape (aggregation level 2: no IP, pod prefix, labels) with a trace in the legacy syntax. */
    private static final String BASE = "{\"start_time\":1767225600,\"end_time\":1767225900,\"source_ip\":null,"
            + "\"source_name\":\"-\",\"source_name_aggr\":\"web-5d8f7c9b4-*\",\"source_namespace\":\"shop\",\"source_port\":null,"
            + "\"source_type\":\"wep\",\"source_labels\":{\"labels\":[\"app=web\",\"pod-template-hash=5d8f7c9b4\"]},"
            + "\"dest_ip\":null,\"dest_name\":\"-\",\"dest_name_aggr\":\"db-6c4b9d7f5-*\",\"dest_namespace\":\"shop\","
            + "\"dest_port\":5432,\"dest_type\":\"wep\",\"dest_labels\":{\"labels\":[\"app=db\"]},"
            + "\"dest_service_namespace\":\"-\",\"dest_service_name\":\"-\",\"dest_service_port\":\"-\",\"dest_service_port_num\":null,"
            + "\"dest_domains\":null,\"proto\":\"tcp\",\"action\":\"allow\",\"reporter\":\"src\","
            + "\"policies\":{\"enforced_policies\":[\"0|default|shop/default.web|allow|0\"],"
            + "\"pending_policies\":[\"0|default|shop/default.staged:web|allow|0\"]},"
            + "\"bytes_in\":4380,\"bytes_out\":12840,\"packets_in\":42,\"packets_out\":38,\"num_flows\":3,\"host\":\"worker-1\"}";

    private static String with(Consumer<ObjectNode> change) {
        try {
            ObjectNode o = (ObjectNode) JSON.readTree(BASE);
            change.accept(o);
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String trace(String... entries) {
        return with(o -> {
            ObjectNode p = o.putObject("policies");
            var a = p.putArray("enforced_policies");
            for (String e : entries) {
                a.add(e);
            }
            p.putArray("pending_policies");
        });
    }

    static List<String> edgeLines() {
        return List.of(BASE,
                // aggregation level 0 and 1: IPs, pod names, source ports
                with(o -> o.put("source_ip", "10.0.1.32").put("source_name", "web-5d8f7c9b4-x2kq9").put("source_port", 41234)),
                with(o -> o.put("dest_ip", "10.0.3.50").put("dest_name", "db-0").put("dest_service_port_num", 5432)
                        .put("dest_service_namespace", "shop").put("dest_service_name", "db")),
                with(o -> o.put("source_name_aggr", "*").put("reporter", "dst")),
                // other endpoint types, domains, an external destination
                with(o -> o.put("dest_type", "net").put("dest_name_aggr", "pub").put("dest_namespace", "-").putArray("dest_domains").add("example.com")),
                with(o -> o.put("dest_type", "ns").put("dest_name_aggr", "feeds").put("dest_namespace", "")),
                with(o -> o.put("source_type", "HEP").put("reporter", "fwd")),
                with(o -> o.put("source_type", "1").put("dest_type", "workloadendpoint").put("action", "2")),
                // both trace syntaxes, staged names, profiles, end of tier, Kubernetes policies
                trace("0|security|gnp:security.block|deny|0"),
                trace("0|default|np:shop/web|allow|1", "1|default|snp:shop/staged-web|pass|0"),
                trace("1|default|shop/default.web|allow|0", "0|security|security.pass|pass|0"),
                trace("0|default|shop/knp.default.web|allow|0", "1|__PROFILE__|__PROFILE__.kns.shop|allow|0"),
                trace("0|default|default.default-deny|deny|-1", "0|default|sgnp:default.x|deny|-2"),
                trace("0|default|pro:kns.shop|allow|0", "0|adminnetworkpolicy|kanp:first|allow|0"),
                trace("0|default|shop/staged:default.web|allow|0"),
                // absent, null and empty values
                with(o -> o.remove("policies")),
                with(o -> o.putNull("policies")),
                with(o -> o.putObject("policies")),
                with(o -> o.putObject("policies").putNull("enforced_policies").putNull("pending_policies")),
                with(o -> o.remove(List.of("start_time", "end_time", "bytes_in", "num_flows", "dest_port"))),
                with(o -> o.putNull("start_time").putNull("num_flows").putNull("dest_port")),
                with(o -> o.remove(List.of("source_labels", "dest_labels"))),
                with(o -> o.putNull("source_labels").put("dest_labels", "-")),
                with(o -> o.putObject("source_labels").putNull("labels")),
                with(o -> o.putObject("source_labels")),
                with(o -> o.putObject("source_labels").put("app", "web")),
                with(o -> o.put("source_labels", "app=web | tier=front")),
                with(o -> o.putArray("source_labels").add("app=web")),
                with(o -> o.putObject("source_labels").put("other", 1).putArray("labels").add("app=web")),
                with(o -> o.putObject("source_labels").putArray("labels").add("app=").add("a=b=c").add("app=x")),
                with(o -> o.putArray("dest_domains")),
                with(o -> o.putArray("dest_domains").add("a.example").add(7)),
                with(o -> o.putObject("dest_domains").put("x", "y")),
                // values of another type than Felix writes
                with(o -> o.put("start_time", "1767225600").put("bytes_in", 1.5).put("packets_in", true)),
                with(o -> o.put("num_flows", new java.math.BigInteger("123456789012345678901234567890"))),
                with(o -> o.put("end_time", 9_000_000_000L)),
                with(o -> o.put("dest_port", "80")),
                with(o -> o.put("dest_port", 80.0)),
                with(o -> o.put("dest_service_name", 5).put("source_namespace", 7)),
                with(o -> o.put("source_ip", true)),
                with(o -> o.put("host", 1).putObject("extra").putArray("deep").addObject().put("x", 1)),
                with(o -> o.put("proto", "6")),
                with(o -> o.put("proto", "sctp")),
                with(o -> o.put("reporter", "SRC")),
                // other shapes on a line: Goldmane, Whisker, wrappers
                with(o -> o.putObject("Key").put("proto", "tcp")),
                with(o -> o.put("key", "not an object")),
                with(o -> o.put("protocol", "tcp")),
                with(o -> o.put("protocol", "tcp").remove("proto")),
                with(o -> o.putObject("policies").putArray("enforced").addObject().put("name", "x")),
                with(o -> o.putObject("hits").putArray("hits")),
                with(o -> o.put("items", 3)),
                with(o -> o.putArray("items")),
                with(o -> o.putObject("nested").put("hits", 1)),
                // malformed records: each must be the same error at the same line and column
                with(o -> o.remove("reporter")),
                with(o -> o.put("reporter", "")),
                with(o -> o.put("reporter", "both")),
                with(o -> o.put("action", "maybe")),
                with(o -> o.putNull("action")),
                with(o -> o.put("proto", 6)),
                with(o -> o.remove("source_name_aggr")),
                with(o -> o.put("source_type", "pod")),
                with(o -> o.put("dest_port", 70000)),
                with(o -> o.put("source_port", -1)),
                with(o -> o.put("dest_service_port_num", "http")),
                with(o -> o.putObject("source_labels").putArray("labels").add("novalue")),
                with(o -> o.putObject("source_labels").putArray("labels").add(3)),
                with(o -> o.put("source_labels", 5)),
                trace("0|default|shop/default.web|allow"),
                trace("x|default|shop/default.web|allow|0"),
                trace("0|default|zz:shop/web|allow|0"),
                with(o -> o.putObject("policies").put("enforced_policies", "0|default|shop/default.web|allow|0")),
                with(o -> o.putObject("policies").putArray("enforced_policies").add(1)),
                // raw text: spacing, escapes, repeated keys, several values and syntax errors on one line
                "  \t" + BASE,
                BASE + "   ",
                BASE.replace("\"app=web\"", "\"app=w\\u0065b\"").replace(",\"", ", \""),
                BASE.replace("\"reporter\":\"src\"", "\"reporter\":\"dst\",\"reporter\":\"src\""),
                BASE.replace("\"action\":\"allow\"", "\"action\":\"allow\",\"source_labels\":{\"labels\":[\"app=other\"]}"),
                BASE.replace("\"host\":", "\"policies\":{},\"host\":"),
                BASE + " trailing",
                BASE + BASE,
                BASE + " " + BASE.replace("\"host\":", "\"hits\":{},\"host\":"),
                BASE.substring(0, BASE.length() - 1),
                BASE.replace("\"proto\":\"tcp\"", "\"proto\":tcp"),
                "{}",
                "{\"reporter\":\"src\"}",
                "[" + BASE + "]",
                "\"just a string\"",
                "\uFEFF" + BASE,
                // Numbers the scanner leaves to the tree, valid JSON or not: leading zeros, signs, fractions, exponents,
                // more digits than a long, a port above 65535; and escapes, whose decoding is the tree's.
                BASE.replace("\"dest_port\":5432", "\"dest_port\":05432"),
                BASE.replace("\"bytes_in\":4380", "\"bytes_in\":00"),
                BASE.replace("\"bytes_in\":4380", "\"bytes_in\":-4380"),
                BASE.replace("\"bytes_in\":4380", "\"bytes_in\":-0"),
                BASE.replace("\"bytes_in\":4380", "\"bytes_in\":4380.0"),
                BASE.replace("\"bytes_in\":4380", "\"bytes_in\":4e3"),
                BASE.replace("\"bytes_in\":4380", "\"bytes_in\":12345678901234567890"),
                BASE.replace("\"bytes_in\":4380", "\"bytes_in\":123456789012345678"),
                BASE.replace("\"dest_port\":5432", "\"dest_port\":65536"),
                BASE.replace("\"host\":\"worker-1\"", "\"host\":\"worker\\u002d1\",\"tcp\":{\"rtt\":[1,-2.5e3,true,null]}"),
                BASE.replace("\"source_namespace\":\"shop\"", "\"source_namespace\":\"sh\\u006fp\""),
                BASE.replace("\"source_namespace\":\"shop\"", "\"source_namespace\":\"sh\\\"op\""),
                BASE.replace(",\"host\"", " ,\t\"host\"").replace("{\"start_time\":", "{ \"start_time\" : "));
    }

    @Test
    void edgeLines_sameRecordsAndErrors_oneFileAndEachLineAlone(@TempDir Path dir) throws IOException {
        List<String> lines = edgeLines();
        Path all = dir.resolve("edges.jsonl");
        // The first line decides how the file is read (JSON lines): it is the plain record.
        Files.write(all, lines, StandardCharsets.UTF_8);
        assertSameReading(List.of(all));
        for (int i = 0; i < lines.size(); i++) {
            Path one = dir.resolve("line-" + i + ".jsonl");
            Files.write(one, List.of(BASE, "", lines.get(i)), StandardCharsets.UTF_8);
            assertSameReading(List.of(one));
        }
        Path gz = dir.resolve("edges.jsonl.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(all, out);
        }
        assertSameReading(List.of(gz, all));
    }

    @Test
    void edgeLines_someTakeTheGeneralWay() {
        // The comparison above covers both ways: the fast parser gives up on some of these lines and takes others.
        EnterpriseLineParser fast = new EnterpriseLineParser();
        long taken = edgeLines().stream().filter(l -> fast.parse(l, SourceLocation.of("x", 1, 1)) != null).count();
        assertTrue(taken > 10 && taken < edgeLines().size() - 20, "taken " + taken + " of " + edgeLines().size());
        assertEquals(0, Stream.of("{}", BASE + " trailing", BASE + BASE)
                .filter(l -> fast.parse(l, SourceLocation.of("x", 1, 1)) != null).count());
    }

    /**
     * Thousands of randomly damaged lines (seeded): characters deleted, inserted or replaced, chosen among JSON's own
     * (quotes, brackets, escapes, digits, signs, letters of the literals). Whatever the scanner accepts it must read as
     * the tree does, and what it refuses the tree must judge: same records, skipped lines and errors.
     */
    @Test
    void damagedLines_sameRecordsAndErrors(@TempDir Path dir) throws IOException {
        String alphabet = "{}[]:,\"\\ \t-+0123456789.eEnulltrfasx=|/\u00e9\u0001";
        List<String> bases = List.of(BASE, trace("0|default|shop/default.web|allow|0", "1|__PROFILE__|__PROFILE__.kns.shop|allow|0"),
                with(o -> o.put("dest_domains", JSON.createArrayNode().add("api.twilio.com"))),
                with(o -> o.putObject("extra").putArray("nested").add(1).add(JSON.createObjectNode().put("k", true))));
        java.util.Random rnd = new java.util.Random(14);
        EnterpriseLineParser fast = new EnterpriseLineParser();
        int taken = 0;
        int refused = 0;
        for (int file = 0; file < 8; file++) {
            List<String> lines = new ArrayList<>(List.of(BASE));
            for (int k = 0; k < 400; k++) {
                StringBuilder line = new StringBuilder(bases.get(rnd.nextInt(bases.size())));
                for (int m = 1 + rnd.nextInt(3); m > 0; m--) {
                    int at = rnd.nextInt(line.length());
                    char c = alphabet.charAt(rnd.nextInt(alphabet.length()));
                    switch (rnd.nextInt(3)) {
                        case 0 -> line.deleteCharAt(at);
                        case 1 -> line.insert(at, c);
                        default -> line.setCharAt(at, c);
                    }
                }
                lines.add(line.toString());
                if (fast.parse(line.toString(), SourceLocation.of("x", 1, 1)) != null) {
                    taken++;
                } else {
                    refused++;
                }
            }
            Path f = dir.resolve("damaged-" + file + ".jsonl");
            Files.write(f, lines, StandardCharsets.UTF_8);
            assertSameReading(List.of(f));
        }
        assertTrue(taken > 300 && refused > 300, "both ways are exercised: " + taken + " taken, " + refused + " refused");
    }
}
