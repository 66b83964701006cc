package io.calicogitops.validate;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/** validator.go validateFelixConfigSpec and the struct validators of Felix's nested types (ProtoPort, ranges, health). */
final class FelixSpecChecks {

    private static final Set<String> PROTO_PORT_PROTOCOLS = Set.of("TCP", "UDP", "SCTP");
    /** validator.go routeTableMaxLinux and routeTableRangeMaxTables. */
    private static final long ROUTE_TABLE_MAX = 0xffffffffL;
    private static final long ROUTE_TABLES_AT_MOST = 0xffff;

    private final BiConsumer<String, String> error;

    FelixSpecChecks(BiConsumer<String, String> error) {
        this.error = error;
    }

    void check(JsonNode spec) {
        JsonNode nodePorts = spec.path("kubeNodePortRanges");
        // validator.go validateFelixConfigSpec: "node port ranges list is too long (max 7)" (iptables multiport).
        if (nodePorts.size() > 7) {
            error.accept("kubeNodePortRanges", "at most 7 ranges (got " + nodePorts.size() + ")");
        }
        for (int i = 0; i < nodePorts.size(); i++) {
            JsonNode p = nodePorts.get(i);
            String problem = RuleChecks.portProblem(p);
            if (problem != null) {
                error.accept("kubeNodePortRanges." + i, problem);
            } else if (p.isTextual() && !p.asText().matches("[0-9:]+")) {
                // validator.go validateFelixConfigSpec: "node port ranges should not contain named ports".
                error.accept("kubeNodePortRanges." + i, "a node port range is a number or a range, not a name");
            }
        }
        JsonNode external = spec.path("externalNodesList");
        for (int i = 0; i < external.size(); i++) {
            // validator.go validateFelixConfigSpec: ExternalNodesCIDRList "has invalid CIDR(s)" / "invalid IPv6 CIDR".
            String text = external.get(i).asText();
            try {
                if (!Cidr.parse(text).isV4()) {
                    error.accept("externalNodesList." + i, "'" + Names.printable(text) + "' is IPv6; only IPv4 is allowed");
                }
            } catch (IllegalArgumentException e) {
                error.accept("externalNodesList." + i, "'" + Names.printable(text) + "' is not a valid CIDR: " + e.getMessage());
            }
        }
        String region = spec.path("openstackRegion").asText("");
        // validator.go validateFelixConfigSpec: the region becomes part of namespace "openstack-region-<region>".
        if (region.length() > 63 - "openstack-region-".length()) {
            error.accept("openstackRegion", "is too long (at most 46 characters)");
        } else if (!region.isEmpty() && Names.checkLabel(region).isPresent()) {
            error.accept("openstackRegion", "'" + Names.printable(region) + "' must be a DNS-1123 label");
        }
        routeTableRanges(spec.path("routeTableRanges"));
        for (String field : List.of("failsafeInboundHostPorts", "failsafeOutboundHostPorts")) {
            JsonNode ports = spec.path(field);
            for (int i = 0; i < ports.size(); i++) {
                // validator.go validateProtoPort: "protocol must be 'TCP' or 'UDP' or 'SCTP'".
                String protocol = ports.get(i).path("protocol").asText("");
                if (!PROTO_PORT_PROTOCOLS.contains(protocol)) {
                    error.accept(field + "." + i + ".protocol", "protocol must be TCP, UDP or SCTP (got '"
                            + Names.printable(protocol) + "')");
                }
            }
        }
        JsonNode health = spec.path("healthTimeoutOverrides");
        for (int i = 0; i < health.size(); i++) {
            // validator.go validateHealthTimeoutOverride: name matches htoNameRegex, timeout not negative.
            if (!FelixChecks.healthNameOk(health.get(i).path("name").asText(""))) {
                error.accept("healthTimeoutOverrides." + i + ".name", "'" + Names.printable(health.get(i).path("name").asText(""))
                        + "' must be letters, digits, '_', '-' or spaces");
            }
            if (health.get(i).path("timeout").asText("").startsWith("-")) {
                error.accept("healthTimeoutOverrides." + i + ".timeout", "a timeout must not be negative");
            }
        }
    }

    private void routeTableRanges(JsonNode ranges) {
        long tables = 0;
        for (int i = 0; i < ranges.size(); i++) {
            JsonNode r = ranges.get(i);
            // validator.go validateRouteTableIDRange: "max index too high".
            if (r.path("max").asLong() > ROUTE_TABLE_MAX || !r.path("max").canConvertToLong()) {
                error.accept("routeTableRanges." + i + ".max", r.path("max").asText() + " is above " + ROUTE_TABLE_MAX);
            }
            tables += r.path("max").asLong() - r.path("min").asLong() + 1;
        }
        // validator.go validateFelixConfigSpec: RouteTableRanges "targets too many tables".
        if (tables > ROUTE_TABLES_AT_MOST) {
            error.accept("routeTableRanges", "the ranges name " + tables + " tables, more than " + ROUTE_TABLES_AT_MOST);
        }
    }
}
