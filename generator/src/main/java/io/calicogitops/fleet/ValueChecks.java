package io.calicogitops.fleet;

import io.calicogitops.yaml.MappingReader;
import io.calicogitops.selector.Selector;
import io.calicogitops.selector.SelectorParseException;
import io.calicogitops.validate.Cidr;
import io.calicogitops.validate.DomainPattern;
import io.calicogitops.validate.GoDuration;
import io.calicogitops.validate.Names;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks of single profile values (names, selectors, CIDRs, domains, durations), each reported at the value's location. */
final class ValueChecks {

    private static final java.util.regex.Pattern QUANTITY =
            java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?");

    ValueChecks(MappingReader root) {
    }

    void label(MappingReader r, String key, String value) {
        Names.checkLabel(value).ifPresent(m -> r.error(key, m));
    }

    void tierName(MappingReader r, String key, String value) {
        Names.checkLabel(value).ifPresent(m -> r.error(key, "tier name " + m, "a tier name holds no dots"));
    }

    String namespace(MappingReader r, String key, String dflt) {
        String ns = r.string(key, dflt);
        if (ns != null && r.has(key)) {
            Names.checkLabel(ns).ifPresent(m -> r.error(key, "namespace " + m));
        }
        return ns;
    }

    List<String> namespaces(MappingReader r, String key, List<String> dflt) {
        List<String> list = r.strings(key, dflt);
        for (int i = 0; i < list.size(); i++) {
            int index = i;
            Names.checkLabel(list.get(i)).ifPresent(m -> r.diagnostics().error(
                    r.locations().locate(r.pointerOf(key) + "/" + index), r.pathOf(key) + "[" + index + "]: namespace " + m));
        }
        return list;
    }

    String labelValue(MappingReader r, String key, String value) {
        Names.checkLabelValue(value).ifPresent(m -> r.error(key, m));
        return value;
    }

    String labelKey(MappingReader r, String key, String value) {
        Names.checkLabelKey(value).ifPresent(m -> r.error(key, m));
        return value;
    }

    /** Parses the selector now, so an error points at the exact column inside the profile value. */
    String selector(MappingReader r, String key, String dflt) {
        String text = r.string(key, dflt);
        if (text == null || !r.has(key)) {
            return text;
        }
        try {
            Selector.parse(text);
        } catch (SelectorParseException e) {
            r.diagnostics().error(r.locations().locateInScalar(r.pointerOf(key), Math.max(0, e.column() - 1)),
                    r.pathOf(key) + ": selector: " + e.getMessage(), hintFor(e));
        }
        return text;
    }

    private static String hintFor(SelectorParseException e) {
        String m = e.getMessage();
        if (m.contains("'='")) {
            return "Calico selectors compare with '==' and '!='";
        }
        if (m.contains("newline")) {
            return "write the selector on one line (a YAML '|' block keeps newlines)";
        }
        return "see https://docs.tigera.io/calico-cloud/reference/resources/networkpolicy#selectors";
    }

    void domains(MappingReader r, String key, List<String> domains) {
        for (int i = 0; i < domains.size(); i++) {
            int index = i;
            DomainPattern.check(domains.get(i)).ifPresent(m -> r.diagnostics().error(
                    r.locations().locate(r.pointerOf(key) + "/" + index), r.pathOf(key) + "[" + index + "]: " + m));
        }
    }

    void cidrs(MappingReader r, String key, List<String> cidrs) {
        for (int i = 0; i < cidrs.size(); i++) {
            int index = i;
            Cidr.check(cidrs.get(i)).ifPresent(m -> r.diagnostics().error(
                    r.locations().locate(r.pointerOf(key) + "/" + index), r.pathOf(key) + "[" + index + "]: " + m));
        }
    }

    String duration(MappingReader r, String key, String dflt) {
        String d = r.string(key, dflt);
        if (r.has(key)) {
            GoDuration.check(d).ifPresent(m -> r.error(key, m));
        }
        return d;
    }

    String quantity(MappingReader r, String key, String dflt) {
        String q = r.string(key, dflt);
        if (r.has(key) && !QUANTITY.matcher(q).matches()) {
            r.error(key, "'" + Names.printable(q) + "' is not a Kubernetes quantity (examples: 100m, 1, 512Mi, 1Gi)");
        }
        return q;
    }

    /** Five cron fields; GlobalReport allows at most 12 runs an hour, so every-minute schedules are refused. */
    String cron(MappingReader r, String key, String dflt) {
        String c = r.string(key, dflt);
        if (!r.has(key)) {
            return c;
        }
        String[] fields = c.trim().split("\\s+");
        if (fields.length != 5 || !c.matches("[0-9*/,\\- ]+")) {
            r.error(key, "'" + Names.printable(c) + "' is not a 5-field cron schedule", "example: '*/15 * * * *'");
        } else if (fields[0].equals("*") || fields[0].matches("\\*/[1-4]")) {
            r.error(key, "GlobalReport schedules run at most 12 times an hour (got '" + c + "')",
                    "use '*/5 * * * *' or slower");
        }
        return c;
    }

    void url(MappingReader r, String key, String url) {
        Optional<String> problem;
        try {
            URI u = new URI(url);
            problem = ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null
                    ? Optional.empty() : Optional.of("expected an http or https URL (got '" + Names.printable(url) + "')");
        } catch (URISyntaxException e) {
            problem = Optional.of("'" + Names.printable(url) + "' is not a URL: " + e.getReason());
        }
        problem.ifPresent(m -> r.error(key, m));
    }

    void uniqueNames(MappingReader r, String key, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                r.error(key, "'" + n + "' is listed twice");
            }
        }
    }
}
