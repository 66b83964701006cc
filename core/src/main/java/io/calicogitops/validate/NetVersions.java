package io.calicogitops.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;

import java.util.List;

/**
 * The IP families of one rule's nets, as Calico's validator scans them: one rule may not mix IPv4 and IPv6 CIDRs
 * across its source and destination nets and notNets, they must match {@code ipVersion} when it is set, and a
 * catch-all CIDR in {@code notNets} would make the rule match nothing.
 */
final class NetVersions {

    private static final List<String> FIELDS = List.of("source/nets", "source/notNets", "destination/nets",
            "destination/notNets");

    private NetVersions() {
    }

    static void check(JsonNode rule, String ptr, String path, Locator where, Diagnostics d) {
        JsonNode ipVersion = rule.get("ipVersion");
        boolean seenV4 = false;
        boolean seenV6 = false;
        for (String field : FIELDS) {
            JsonNode nets = rule.at("/" + field);
            String p = ptr + "/" + field;
            String n = path + "." + field.replace('/', '.');
            boolean negated = field.endsWith("notNets");
            boolean v4 = false;
            boolean v6 = false;
            for (int i = 0; i < nets.size(); i++) {
                Cidr cidr;
                try {
                    cidr = Cidr.parse(nets.get(i).asText());
                } catch (IllegalArgumentException e) {
                    continue; // reported by RuleChecks.cidrList
                }
                v4 |= cidr.isV4();
                v6 |= !cidr.isV4();
                // validator.go validateRule scanNets: IPv4 is caught only as the literal 0.0.0.0/0, IPv6 in any spelling of ::/0.
                if (negated && (nets.get(i).asText().equals("0.0.0.0/0") || !cidr.isV4() && cidr.prefix() == 0)) {
                    d.error(where.at(p + "/" + i), n + "[" + i + "]: catch-all CIDR '" + nets.get(i).asText()
                            + "' in notNets matches every address, so the rule matches nothing",
                            "remove the rule, or the notNets entry");
                }
            }
            // validator.go validateRule scanNets: "rule IP version doesn't match CIDR version".
            if (ipVersion != null && ipVersion.isIntegralNumber()
                    && (v4 && ipVersion.asInt() != 4 || v6 && ipVersion.asInt() != 6)) {
                d.error(where.at(p), n + ": IPv" + (v4 ? 4 : 6) + " CIDRs in a rule with ipVersion " + ipVersion.asInt());
            }
            // validator.go validateRule scanNets: "rule contains both IPv4 and IPv6 CIDRs".
            if (v4 && seenV6 || v6 && seenV4 || v4 && v6) {
                d.error(where.at(p), n + ": the rule mixes IPv4 and IPv6 CIDRs (Calico refuses it; write one rule per"
                        + " IP version)");
            }
            seenV4 |= v4;
            seenV6 |= v6;
        }
    }
}
