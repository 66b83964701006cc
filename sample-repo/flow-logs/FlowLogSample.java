import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes the sample flow logs (Calico Enterprise flows.log JSON lines) from a hand-written description of the
 * traffic, with only the JDK: {@code java FlowLogSample.java [flows.json [OUT_DIR]]}. Everything a reader could
 * check against the policies (endpoints, ports, verdicts, policy traces) comes from the description as written;
 * the seeded random generator only fills in what Felix would make up (pod-name suffixes, source ports, byte and
 * packet counts, hosts), so the same description and seed always give the same bytes. No wall clock: interval
 * times come from the description.
 */
public final class FlowLogSample {

    public static void main(String[] args) throws IOException {
        Path description = Path.of(args.length > 0 ? args[0] : "flows.json");
        Path out = args.length > 1 ? Path.of(args[1]) : description.toAbsolutePath().getParent();
        Map<String, Object> root = obj(new Json(Files.readString(description, StandardCharsets.UTF_8)).value());
        long seed = num(root.get("seed"));
        for (Object c : list(root.get("clusters"))) {
            Map<String, Object> cluster = obj(c);
            String name = str(cluster.get("name"));
            Files.writeString(out.resolve(name + ".flows.jsonl"), cluster(cluster, new Random(seed * 31 + name.hashCode())),
                    StandardCharsets.UTF_8);
        }
    }

    private static String cluster(Map<String, Object> c, Random rnd) {
        long start = num(c.get("start"));
        long interval = num(c.get("interval"));
        int count = (int) num(c.get("intervals"));
        List<Object> hosts = list(c.get("hosts"));
        Map<String, Object> endpoints = obj(c.get("endpoints"));
        // Felix names a pod <generateName><5 chars>; one made-up pod (and IP) per aggregated endpoint.
        Map<String, String[]> pods = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : endpoints.entrySet()) {
            Map<String, Object> ep = obj(e.getValue());
            String aggr = str(ep.get("aggr"));
            String pod = aggr.endsWith("*") ? aggr.substring(0, aggr.length() - 1) + suffix(rnd) : aggr;
            String ip = ep.containsKey("ip") ? str(ep.get("ip")) : "10.0." + (1 + rnd.nextInt(3)) + "." + (2 + rnd.nextInt(250));
            String host = ep.containsKey("host") ? str(ep.get("host")) : str(hosts.get(rnd.nextInt(hosts.size())));
            pods.put(e.getKey(), new String[]{pod, ip, host});
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            long from = start + i * interval;
            for (Object f : list(c.get("flows"))) {
                Map<String, Object> flow = obj(f);
                if (!list(flow.get("seen")).contains((long) i)) {
                    continue;
                }
                for (Map.Entry<String, Object> r : obj(flow.get("reporters")).entrySet()) {
                    record(sb, c, flow, r.getKey(), obj(r.getValue()), endpoints, pods, from, from + interval, rnd);
                }
            }
        }
        return sb.toString();
    }

    private static void record(StringBuilder sb, Map<String, Object> c, Map<String, Object> flow, String reporter,
                               Map<String, Object> trace, Map<String, Object> endpoints, Map<String, String[]> pods,
                               long from, long to, Random rnd) {
        String action = str(trace.get("action"));
        int level = (int) num(c.get(action.equals("allow") ? "levelAllowed" : "levelDenied"));
        String srcKey = str(flow.get("src"));
        String dstKey = str(flow.get("dst"));
        Map<String, Object> src = obj(endpoints.get(srcKey));
        Map<String, Object> dst = obj(endpoints.get(dstKey));
        String proto = str(flow.get("proto"));
        long flows = 1 + rnd.nextInt(4);
        long packetsOut = flows * (3 + rnd.nextInt(20));
        long packetsIn = action.equals("deny") ? 0 : flows * (2 + rnd.nextInt(20));
        long bytesOut = packetsOut * (60 + rnd.nextInt(900));
        long bytesIn = packetsIn * (60 + rnd.nextInt(1400));
        int sourcePort = 32768 + rnd.nextInt(28232);
        Map<String, Object> svc = flow.containsKey("service") ? obj(flow.get("service")) : Map.of();
        Json.Writer w = new Json.Writer(sb);
        w.field("start_time", from).field("end_time", to);
        endpoint(w, "source", src, pods.get(srcKey), level);
        w.field("source_port", level == 0 && !proto.startsWith("icmp") ? (Object) (long) sourcePort : null);
        w.field("source_type", src.get("type")).field("source_labels", labels(src));
        endpoint(w, "dest", dst, pods.get(dstKey), level);
        w.field("dest_port", flow.get("port")).field("dest_type", dst.get("type")).field("dest_labels", labels(dst));
        w.field("dest_service_namespace", svc.getOrDefault("namespace", "-"));
        w.field("dest_service_name", svc.getOrDefault("name", "-"));
        w.field("dest_service_port", svc.getOrDefault("port", "-"));
        w.field("dest_service_port_num", svc.get("num"));
        w.field("dest_domains", flow.get("domains"));
        w.field("proto", proto).field("action", action).field("reporter", reporter);
        Map<String, Object> policies = new LinkedHashMap<>();
        policies.put("enforced_policies", trace.get("enforced"));
        policies.put("pending_policies", trace.getOrDefault("pending", trace.get("enforced")));
        w.field("policies", policies);
        w.field("bytes_in", bytesIn).field("bytes_out", bytesOut).field("packets_in", packetsIn).field("packets_out", packetsOut);
        w.field("num_flows", flows).field("num_flows_started", flows).field("num_flows_completed", action.equals("deny") ? 0L : flows);
        w.field("http_requests_allowed_in", 0L).field("http_requests_denied_in", 0L).field("nat_outgoing_ports", null);
        w.field("process_name", "-").field("num_process_names", 0L).field("process_id", "-").field("num_process_ids", 0L);
        w.field("process_args", null).field("num_process_args", 0L);
        w.field("original_source_ips", null).field("num_original_source_ips", 0L);
        String[] reporterPod = pods.get(reporter.equals("src") ? srcKey : dstKey);
        w.field("host", reporterPod[2]).field("@timestamp", to * 1000).end();
        sb.append('\n');
    }

    /** Level 2 hides IPs and pod names (Felix aggregation "pod prefix"); levels 0 and 1 keep them. */
    private static void endpoint(Json.Writer w, String side, Map<String, Object> ep, String[] pod, int level) {
        boolean named = level < 2 && str(ep.get("type")).equals("wep");
        w.field(side + "_ip", level < 2 ? pod[1] : null);
        w.field(side + "_name", named ? pod[0] : "-");
        w.field(side + "_name_aggr", ep.get("aggr"));
        w.field(side + "_namespace", ep.getOrDefault("namespace", "-"));
    }

    private static Map<String, Object> labels(Map<String, Object> ep) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("labels", ep.getOrDefault("labels", List.of()));
        return m;
    }

    private static String suffix(Random rnd) {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> obj(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private static String str(Object o) {
        return (String) o;
    }

    private static long num(Object o) {
        return (Long) o;
    }

    /** The little JSON the description needs: objects keep their key order, numbers are longs. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                for (ws(); s.charAt(i) != '}'; ws()) {
                    String k = string();
                    ws();
                    expect(':');
                    m.put(k, value());
                    ws();
                    if (s.charAt(i) == ',') {
                        i++;
                        ws();
                    }
                }
                i++;
                return m;
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                for (ws(); s.charAt(i) != ']'; ws()) {
                    l.add(value());
                    ws();
                    if (s.charAt(i) == ',') {
                        i++;
                    }
                }
                i++;
                return l;
            }
            if (c == '"') {
                return string();
            }
            for (String word : new String[]{"true", "false", "null"}) {
                if (s.startsWith(word, i)) {
                    i += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word);
                }
            }
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '-')) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("unexpected '" + c + "' at offset " + i);
            }
            return Long.parseLong(s.substring(start, i));
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    b.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
                } else {
                    b.append(c);
                }
            }
            i++;
            return b.toString();
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at offset " + i);
            }
            i++;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        /** One JSON object on one line, keys in the order written. */
        static final class Writer {
            private final StringBuilder sb;
            private boolean first = true;

            Writer(StringBuilder sb) {
                this.sb = sb;
                sb.append('{');
            }

            Writer field(String key, Object value) {
                sb.append(first ? "" : ",");
                first = false;
                write(key);
                sb.append(':');
                write(value);
                return this;
            }

            void end() {
                sb.append('}');
            }

            private void write(Object v) {
                if (v == null) {
                    sb.append("null");
                } else if (v instanceof String t) {
                    sb.append('"');
                    for (char c : t.toCharArray()) {
                        sb.append(c == '"' || c == '\\' ? "\\" + c : String.valueOf(c));
                    }
                    sb.append('"');
                } else if (v instanceof Map<?, ?> m) {
                    sb.append('{');
                    boolean f = true;
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        sb.append(f ? "" : ",");
                        f = false;
                        write(e.getKey());
                        sb.append(':');
                        write(e.getValue());
                    }
                    sb.append('}');
                } else if (v instanceof List<?> l) {
                    sb.append('[');
                    for (int k = 0; k < l.size(); k++) {
                        sb.append(k == 0 ? "" : ",");
                        write(l.get(k));
                    }
                    sb.append(']');
                } else {
                    sb.append(v);
                }
            }
        }
    }
}
