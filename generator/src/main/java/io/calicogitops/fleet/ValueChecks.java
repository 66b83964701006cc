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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks of single profile values (names, selectors, CIDRs, domains, durations), each reported at the value's location. */
final class ValueChecks {

    private static final java.util.regex.Pattern QUANTITY =
            java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?");

    /** The one instance: the checks keep no state. */
    static final ValueChecks CHECK = new ValueChecks();

    private ValueChecks() {
    }

    /** False (and reported) when {@code value} is not a DNS-1123 label. */
    boolean label(MappingReader r, String key, String value) {
        Optional<String> problem = Names.checkLabel(value);
        problem.ifPresent(m -> r.error(key, m));
        return problem.isEmpty();
    }

    void tierName(MappingReader r, String key, String value) {
        Names.checkLabel(value).ifPresent(m -> r.error(key, "tier name " + m, "a tier name holds no dots"));
    }

    String namespace(MappingReader r, String key, String dflt) {
        String ns = r.string(key, dflt);
        if (ns != null && r.has(key)) {
            Optional<String> problem = Names.checkLabel(ns);
            problem.ifPresent(m -> r.error(key, "namespace " + m));
            return problem.isPresent() ? dflt : ns;
        }
        return ns;
    }

    List<String> namespaces(MappingReader r, String key, List<String> dflt) {
        List<String> list = r.strings(key, dflt);
        List<String> good = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            int index = i;
            Optional<String> problem = Names.checkLabel(list.get(i));
            problem.ifPresent(m -> r.diagnostics().error(
                    r.locations().locate(r.pointerOf(key) + "/" + index), r.pathOf(key) + "[" + index + "]: namespace " + m));
            if (problem.isEmpty()) {
                good.add(list.get(i));
            }
        }
        return List.copyOf(good);
    }

    /** {@code value}, or {@code dflt} when it is not a label value (reported). */
    String labelValue(MappingReader r, String key, String value, String dflt) {
        Optional<String> problem = Names.checkLabelValue(value);
        problem.ifPresent(m -> r.error(key, m));
        return problem.isPresent() ? dflt : value;
    }

    /** {@code value}, or {@code dflt} when it is not a label key (reported). */
    String labelKey(MappingReader r, String key, String value, String dflt) {
        Optional<String> problem = Names.checkLabelKey(value);
        problem.ifPresent(m -> r.error(key, m));
        return problem.isPresent() ? dflt : value;
    }

    /**
     * Parses the selector now, so an error points at the exact column inside the profile value; a wrong one is
     * replaced by {@code dflt}, so the policies rendered from it do not report it again at the template's line.
     */
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
            return dflt;
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

    /** The domains that are valid; each other one is reported at its list item. */
    List<String> domains(MappingReader r, String key, List<String> domains) {
        return valid(r, key, domains, DomainPattern::check);
    }

    /** The CIDRs that are valid; each other one is reported at its list item. */
    List<String> cidrs(MappingReader r, String key, List<String> cidrs) {
        return valid(r, key, cidrs, Cidr::check);
    }

    private static List<String> valid(MappingReader r, String key, List<String> items,
                                      java.util.function.Function<String, Optional<String>> check) {
        List<String> good = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            Optional<String> problem = check.apply(items.get(i));
            problem.ifPresent(m -> r.diagnostics().error(
                    r.locations().locate(r.pointerOf(key) + "/" + index), r.pathOf(key) + "[" + index + "]: " + m));
            if (problem.isEmpty()) {
                good.add(items.get(i));
            }
        }
        return List.copyOf(good);
    }

    String duration(MappingReader r, String key, String dflt) {
        String d = r.string(key, dflt);
        if (r.has(key)) {
            Optional<String> problem = GoDuration.check(d);
            problem.ifPresent(m -> r.error(key, m));
            return problem.isPresent() ? dflt : d;
        }
        return d;
    }

    String quantity(MappingReader r, String key, String dflt) {
        String q = r.string(key, dflt);
        if (r.has(key) && !QUANTITY.matcher(q).matches()) {
            r.error(key, "'" + Names.printable(q) + "' is not a Kubernetes quantity (examples: 100m, 1, 512Mi, 1Gi)");
            return dflt;
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
            return dflt;
        } else if (fields[0].equals("*") || fields[0].matches("\\*/[1-4]")) {
            r.error(key, "GlobalReport schedules run at most 12 times an hour (got '" + c + "')",
                    "use '*/5 * * * *' or slower");
            return dflt;
        }
        return c;
    }

    /** False (and reported) when {@code url} is not an http or https URL. */
    boolean url(MappingReader r, String key, String url) {
        Optional<String> problem;
        try {
            URI u = new URI(url);
            problem = ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null
                    ? Optional.empty() : Optional.of("expected an http or https URL (got '" + Names.printable(url) + "')");
        } catch (URISyntaxException e) {
            problem = Optional.of("'" + Names.printable(url) + "' is not a URL: " + e.getReason());
        }
        problem.ifPresent(m -> r.error(key, m));
        return problem.isEmpty();
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
