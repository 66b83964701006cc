package io.calicogitops.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * docs/fleet-profile.md's YAML reference names exactly the keys the profile reader knows: every top-level key and
 * every key of every section (items of a list of mappings merged), no more, no less. The reader's keys come from the
 * one place the reader itself rejects unknown keys with, {@link ProfileReader#PROFILE}. And each section has one
 * defaults value: an empty section reads as an absent one.
 */
class ProfileDocsKeysTest {

    @TempDir
    Path tmp;

    private static final Pattern YAML_BLOCK = Pattern.compile("(?ms)^```yaml\\n(.*?)^```");

    @Test
    void docsReferenceNamesEveryKnownKeyAndNoOther() throws Exception {
        Path page = Path.of(System.getProperty("project.root", "..")).resolve("docs/fleet-profile.md");
        Matcher m = YAML_BLOCK.matcher(Files.readString(page));
        Map<String, Set<String>> documented = new TreeMap<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        while (m.find()) {
            collect("", yaml.readTree(m.group(1)), documented);
        }
        assertFalse(documented.isEmpty(), "no ```yaml block in " + page);

        Map<String, Set<String>> known = ProfileReader.PROFILE.keysByPath();
        List<String> problems = new ArrayList<>();
        for (var e : known.entrySet()) {
            Set<String> docs = documented.getOrDefault(e.getKey(), Set.of());
            diff(e.getKey(), e.getValue(), docs, "known to the reader but not in the docs", problems);
            diff(e.getKey(), docs, e.getValue(), "in the docs but unknown to the reader", problems);
        }
        documented.keySet().stream().filter(p -> !known.containsKey(p))
                .forEach(p -> problems.add((p.isEmpty() ? "top level" : p) + ": a documented section the reader does not know"));
        assertEquals(List.of(), problems);
    }

    @Test
    void unknownTopLevelKey_hintListsTheKeysOfTheOnePlace() throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        Fleet.read(profile("name: a\nprovider: EKS\ncni: calico\nqqqqqqqqqq: 1\n"), p -> p.getFileName().toString(), diagnostics);

        assertEquals(List.of("known keys: " + String.join(", ", ProfileReader.PROFILE.keys())),
                diagnostics.sorted().stream().map(Diagnostic::hint).toList());
    }

    @Test
    void emptySection_takesTheSameDefaultsAsAnAbsentOne() throws Exception {
        String base = "name: a\nprovider: EKS\ncni: calico\n";
        String empty = base + "logs: {}\nquarantine: {}\ndefaultDeny: {}\nkubeDns: {}\ndnsEgress: {}\nblockedIps: {}\n"
                + "pci: {}\nsegmentation: {}\nevaluation: {}\nalerts: {}\nreports: {}\ndpi: {}\nl7: {}\napps: {}\n";
        Diagnostics diagnostics = new Diagnostics();

        ClusterProfile absent = Fleet.read(profile(base), p -> "a.yaml", diagnostics).clusters().get(0);
        ClusterProfile allEmpty = Fleet.read(profile(empty), p -> "a.yaml", diagnostics).clusters().get(0);

        assertEquals(List.of(), diagnostics.sorted());
        assertEquals(List.of(ClusterProfile.Logs.DEFAULTS, ClusterProfile.DEFAULT_QUARANTINE_LABEL,
                        ClusterProfile.DefaultDeny.DEFAULTS, ClusterProfile.DEFAULT_KUBE_DNS_ORDER,
                        ClusterProfile.DnsEgress.DEFAULTS, ClusterProfile.BlockedIps.DEFAULTS, ClusterProfile.Pci.DEFAULTS,
                        ClusterProfile.Segmentation.DEFAULTS, ClusterProfile.Evaluation.DEFAULTS, ClusterProfile.Alerts.DEFAULTS,
                        ClusterProfile.Reports.DEFAULTS, ClusterProfile.Dpi.DEFAULTS, ClusterProfile.L7.DEFAULTS,
                        ClusterProfile.Apps.DEFAULTS, ClusterProfile.TierSpec.DEFAULTS),
                sections(absent));
        assertEquals(sections(absent), sections(allEmpty));
    }

    private static List<Object> sections(ClusterProfile p) {
        return List.of(p.logs(), p.quarantineLabel(), p.defaultDeny(), p.kubeDnsOrder(), p.dnsEgress(), p.blockedIps(),
                p.pci(), p.segmentation(), p.evaluation(), p.alerts(), p.reports(), p.dpi(), p.l7(), p.apps(), p.tiers());
    }

    private Path profile(String text) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "fleet");
        Files.writeString(dir.resolve("a.yaml"), text);
        return dir;
    }

    private static void diff(String path, Set<String> a, Set<String> b, String what, List<String> problems) {
        Set<String> extra = new TreeSet<>(a);
        extra.removeAll(b);
        extra.forEach(k -> problems.add((path.isEmpty() ? "" : path + ".") + k + ": " + what));
    }

    /** Records the keys of each mapping by dotted path; the items of a list of mappings share their list's path. */
    private static void collect(String path, JsonNode node, Map<String, Set<String>> out) {
        if (node.isArray()) {
            node.forEach(item -> collect(path, item, out));
        } else if (node.isObject() && node.size() > 0) {
            Set<String> keys = out.computeIfAbsent(path, p -> new TreeSet<>());
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                keys.add(field.getKey());
                collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), out);
            }
        }
    }
}
