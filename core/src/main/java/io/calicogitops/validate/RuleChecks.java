package io.calicogitops.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;

import java.util.List;
import java.util.Set;

/** One policy rule: action, protocol, ports, entity selectors, nets and domains, as Calico's validator accepts them. */
final class RuleChecks {

    private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "ICMP", "ICMPv6", "SCTP", "UDPLite");
    private static final Set<String> PORT_PROTOCOLS = Set.of("TCP", "UDP", "SCTP", "6", "17", "132");

    private final Locator where;
    private final Diagnostics d;

    RuleChecks(Locator where, Diagnostics d) {
        this.where = where;
        this.d = d;
    }

    void checkAll(JsonNode rules, String direction) {
        for (int i = 0; i < rules.size(); i++) {
            check(rules.get(i), "/spec/" + direction + "/" + i, "spec." + direction + "[" + i + "]", direction);
        }
    }

    private void check(JsonNode rule, String ptr, String path, String direction) {
        // The action itself is checked by the CRD schema (an enum, with a did-you-mean hint): reported once, there.
        String action = rule.path("action").asText("");
        String protocol = protocol(rule.get("protocol"), ptr + "/protocol", path + ".protocol");
        protocol(rule.get("notProtocol"), ptr + "/notProtocol", path + ".notProtocol");
        for (String side : List.of("source", "destination")) {
            JsonNode e = rule.path(side);
            String p = ptr + "/" + side;
            String n = path + "." + side;
            SelectorCheck.check(e.get("selector"), p + "/selector", n + ".selector", false, where, d);
            SelectorCheck.check(e.get("notSelector"), p + "/notSelector", n + ".notSelector", false, where, d);
            SelectorCheck.check(e.get("namespaceSelector"), p + "/namespaceSelector", n + ".namespaceSelector", true, where, d);
            SelectorCheck.check(e.path("serviceAccounts").get("selector"), p + "/serviceAccounts/selector",
                    n + ".serviceAccounts.selector", false, where, d);
            cidrList(e.path("nets"), p + "/nets", n + ".nets", where, d);
            cidrList(e.path("notNets"), p + "/notNets", n + ".notNets", where, d);
            ports(e.path("ports"), p + "/ports", n + ".ports");
            ports(e.path("notPorts"), p + "/notPorts", n + ".notPorts");
            portsNeedProtocol(e, protocol, p, n);
            JsonNode domains = e.path("domains");
            if (domains.size() > 0) {
                if (side.equals("source") || direction.equals("ingress") || !action.equals("Allow")) {
                    d.error(where.at(p + "/domains"), n + ".domains: domains are only allowed in the destination of an"
                            + " egress Allow rule");
                }
                for (int i = 0; i < domains.size(); i++) {
                    int index = i;
                    DomainPattern.check(domains.get(i).asText()).ifPresent(m ->
                            d.error(where.at(p + "/domains/" + index), n + ".domains[" + index + "]: " + m));
                }
            }
        }
        NetVersions.check(rule, ptr, path, where, d);
        if (rule.path("http").isObject()) {
            HttpMatchCheck.check(rule.get("http"), ptr + "/http", path + ".http", where, d);
        }
        // validator.go validateRuleMetadata: rule annotations follow ObjectMeta's annotation rules.
        MetadataKeys.checkAnnotations(rule.path("metadata").path("annotations"), ptr + "/metadata/annotations",
                path + ".metadata.annotations", where, d);
    }

    /**
     * validator.go validateRule: without a protocol only named ports are allowed (a name resolves to its own
     * protocol); with a protocol that has no ports (ICMP, ...) no port at all.
     */
    private void portsNeedProtocol(JsonNode side, String protocol, String ptr, String path) {
        boolean any = false;
        boolean allNamed = true;
        for (String field : List.of("ports", "notPorts")) {
            for (JsonNode port : side.path(field)) {
                any = true;
                allNamed &= port.isTextual() && !port.asText().matches("[0-9:]+");
            }
        }
        String at = ptr + (side.path("ports").size() > 0 ? "/ports" : "/notPorts");
        if (any && protocol == null && !allNamed) {
            d.error(where.at(at), path + ": ports need protocol TCP, UDP or SCTP (the rule has no protocol)");
        } else if (any && protocol != null && !PORT_PROTOCOLS.contains(protocol)) {
            d.error(where.at(at), path + ": ports need protocol TCP, UDP or SCTP (got " + protocol + ")");
        }
    }

    private String protocol(JsonNode node, String ptr, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        String p = node.asText();
        if (node.isIntegralNumber() || p.matches("\\d+")) {
            int n = Integer.parseInt(p.length() > 3 ? "999" : p);
            if (n < 1 || n > 255) {
                d.error(where.at(ptr), path + ": protocol number must be 1-255 (got " + p + ")");
            }
            return p;
        }
        if (!PROTOCOLS.contains(p)) {
            String ci = PROTOCOLS.stream().filter(x -> x.equalsIgnoreCase(p)).findFirst().orElse(null);
            d.error(where.at(ptr), path + ": unknown protocol '" + p + "' (expected TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite or 1-255)",
                    ci == null ? null : "protocol names are case-sensitive: write '" + ci + "'");
        }
        return p;
    }

    private void ports(JsonNode ports, String ptr, String path) {
        for (int i = 0; i < ports.size(); i++) {
            JsonNode port = ports.get(i);
            String problem = portProblem(port);
            if (problem != null) {
                d.error(where.at(ptr + "/" + i), path + "[" + i + "]: " + problem);
            }
        }
    }

    /**
     * Calico ports: a number 1-65535, a range "a:b" with 1 <= a <= b, or a named port (validator.go validatePort:
     * "port number must be between 1 and 65535").
     */
    static String portProblem(JsonNode port) {
        if (port.isIntegralNumber()) {
            return port.asLong() < 1 || port.asLong() > 65535 ? "port " + port.asText() + " is not in 1-65535" : null;
        }
        if (!port.isTextual()) {
            return "a port is a number, a range 'a:b' or a name";
        }
        String s = port.asText();
        if (s.matches("\\d{1,5}")) {
            int n = Integer.parseInt(s);
            return n < 1 || n > 65535 ? "port " + s + " is not in 1-65535" : null;
        }
        if (s.matches("\\d{1,5}:\\d{1,5}")) {
            String[] ab = s.split(":");
            int a = Integer.parseInt(ab[0]);
            int b = Integer.parseInt(ab[1]);
            return a < 1 || a > b || b > 65535 ? "port range '" + s + "' must be a:b with 1 <= a <= b <= 65535" : null;
        }
        return s.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") && s.length() <= 15 && s.matches(".*[a-z].*")
                ? null : "'" + Names.printable(s) + "' is not a port, a port range or a port name";
    }

    static void cidrList(JsonNode nets, String ptr, String path, Locator where, Diagnostics d) {
        for (int i = 0; i < nets.size(); i++) {
            int index = i;
            Cidr.check(nets.get(i).asText()).ifPresent(m -> d.error(where.at(ptr + "/" + index), path + "[" + index + "]: " + m));
        }
    }
}
