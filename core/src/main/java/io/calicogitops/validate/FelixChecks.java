package io.calicogitops.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * FelixConfiguration rules the CRD schema does not state: the {@code validate:} tags of FelixConfigurationSpec
 * (number ranges, interface names, regular expressions) and validator.go validateFelixConfigSpec's cross-field checks.
 * Not ported: the keyValueList and bpfLogFilters tags.
 */
final class FelixChecks {

    /** FelixConfigurationSpec fields with a {@code gte/gt/lte/lt} tag, as inclusive [min, max]. */
    private static final Map<String, long[]> RANGES = Map.ofEntries(
            Map.entry("debugPort", new long[] {0, 65535}),
            Map.entry("bpfKubeProxyHealthzPort", new long[] {0, 65535}),
            Map.entry("bpfExtToServiceConnmark", new long[] {0, 4294967295L}),
            Map.entry("bpfMapSizeConntrackCleanupQueue", new long[] {1, Long.MAX_VALUE}),
            Map.entry("ipv4NormalRoutePriority", new long[] {1, 2147483646}),
            Map.entry("ipv4ElevatedRoutePriority", new long[] {1, 2147483646}),
            Map.entry("ipv6NormalRoutePriority", new long[] {1, 2147483646}),
            Map.entry("ipv6ElevatedRoutePriority", new long[] {1, 2147483646}),
            Map.entry("wireguardListeningPort", new long[] {1, 65535}),
            Map.entry("wireguardListeningPortV6", new long[] {1, 65535}),
            Map.entry("wireguardRoutingRulePriority", new long[] {1, 32765}),
            Map.entry("goGCThreshold", new long[] {-1, Long.MAX_VALUE}),
            Map.entry("goMemoryLimitMB", new long[] {-1, Long.MAX_VALUE}),
            Map.entry("goMaxProcs", new long[] {-1, Long.MAX_VALUE}),
            Map.entry("bpfMaglevMaxEndpointsPerService", new long[] {1, 3000}),
            Map.entry("bpfMaglevMaxServices", new long[] {1, 3000}));
    private static final List<String> REGEXPS = List.of("logDebugFilenameRegex", "nftablesFlowTableDataIfacePattern",
            "bpfDataIfacePattern", "bpfL3IfacePattern", "bpfDisableGROForIfaces", "mtuIfacePattern");
    /** validator.go interfaceRegex, ifaceFilterRegex, prometheusHostRegexp and htoNameRegex. */
    private static final Pattern INTERFACE = Pattern.compile("[a-zA-Z0-9_.-]{1,15}");
    private static final Pattern IFACE_FILTER = Pattern.compile("[a-zA-Z0-9:._+-]{1,15}");
    private static final Pattern PROMETHEUS_HOST = Pattern.compile("[a-zA-Z0-9:._+-]{1,64}");
    private static final Pattern HEALTH_NAME = Pattern.compile("[a-zA-Z0-9_ -]+");

    private final Locator where;
    private final Diagnostics d;

    private FelixChecks(Locator where, Diagnostics d) {
        this.where = where;
        this.d = d;
    }

    static void check(JsonNode body, Locator where, Diagnostics d) {
        new FelixChecks(where, d).spec(body.path("spec"));
    }

    private void error(String field, String message) {
        d.error(where.at("/spec/" + field.replace('.', '/')), "spec." + field.replaceAll("\\.(\\d+)", "[$1]") + ": " + message);
    }

    private void spec(JsonNode spec) {
        RANGES.forEach((field, r) -> {
            JsonNode v = spec.get(field);
            // FelixConfigurationSpec validate tags gte/gt/lte/lt.
            if (v != null && v.isIntegralNumber() && (v.asLong() < r[0] || v.asLong() > r[1] || !v.canConvertToLong())) {
                error(field, v.asText() + " is not in " + r[0] + "-" + (r[1] == Long.MAX_VALUE ? "" : r[1]));
            }
        });
        for (String field : REGEXPS) {
            // validator.go validateRegexp: the value must compile (Java's syntax stands in for Go's RE2 here).
            if (spec.path(field).isTextual() && !spec.get(field).asText().isEmpty()) {
                try {
                    Pattern.compile(spec.get(field).asText());
                } catch (PatternSyntaxException e) {
                    error(field, "'" + Names.printable(spec.get(field).asText()) + "' is not a regular expression");
                }
            }
        }
        matches(spec, "wireguardInterfaceName", INTERFACE, "an interface name");
        matches(spec, "wireguardInterfaceNameV6", INTERFACE, "an interface name");
        matches(spec, "iptablesNATOutgoingInterfaceFilter", IFACE_FILTER, "an interface name or wildcard");
        matches(spec, "prometheusMetricsHost", PROMETHEUS_HOST, "a host name or address");
        JsonNode force = spec.path("bpfForceTrackPacketsFromIfaces");
        for (int i = 0; i < force.size(); i++) {
            // validator.go validateIfaceFilterSlice.
            if (!IFACE_FILTER.matcher(force.get(i).asText()).matches()) {
                error("bpfForceTrackPacketsFromIfaces." + i, "'" + Names.printable(force.get(i).asText())
                        + "' is not an interface name or wildcard");
            }
        }
        for (String field : List.of("bpfDSROptoutCIDRs", "bpfExcludeCIDRsFromNAT")) {
            RuleChecks.cidrList(spec.path(field), "/spec/" + field, "spec." + field, where, d);
        }
        new FelixSpecChecks(this::error).check(spec);
    }

    private void matches(JsonNode spec, String field, Pattern p, String what) {
        if (spec.path(field).isTextual() && !spec.get(field).asText().isEmpty()
                && !p.matcher(spec.get(field).asText()).matches()) {
            error(field, "'" + Names.printable(spec.get(field).asText()) + "' is not " + what);
        }
    }

    static boolean healthNameOk(String name) {
        return HEALTH_NAME.matcher(name).matches();
    }
}
