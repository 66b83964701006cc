package io.calicogitops.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.fleet.ClusterProfile.Alerts;
import io.calicogitops.fleet.ClusterProfile.Dpi;
import io.calicogitops.fleet.ClusterProfile.Evaluation;
import io.calicogitops.fleet.ClusterProfile.L7;
import io.calicogitops.fleet.ClusterProfile.Logs;
import io.calicogitops.fleet.ClusterProfile.Reports;
import io.calicogitops.fleet.ClusterProfile.ServiceRef;
import io.calicogitops.policy.SourcePorts;
import io.calicogitops.yaml.MappingReader;

import java.util.List;
import java.util.Optional;

import static io.calicogitops.fleet.ValueChecks.CHECK;

/**
 * Reads the profile sections that say what the cluster logs, alerts on, reports and inspects, and how the offline
 * evaluator models it: one reader per section, each absent key taking its value from the section's {@code DEFAULTS}
 * in {@link ClusterProfile}, the same value the whole section takes when it is absent.
 */
final class InsightSections {

    static final Section LOGS = Section.of("logs", "flowFlushInterval", "dnsFlushInterval", "l7FlushInterval",
            "flowAggregationForAllowed", "flowAggregationForDenied", "dnsAggregation", "dnsFileEnabled", "tcpStats");
    static final Section LATERAL_MOVEMENT = Section.of("lateralMovement", "namespace", "label");
    static final Section ALERTS = Section.of("alerts", "severity", "period", "lookback", "watchedDomains")
            .with(LATERAL_MOVEMENT);
    static final Section REPORTS = Section.of("reports", "schedule", "inventory", "networkAccess", "policyAudit",
            "cisBenchmark", "namespaces");
    static final Section DPI = Section.of("dpi", "namespace", "selector", "cpuLimit", "memoryLimit", "cpuRequest",
            "memoryRequest");
    static final Section SERVICES = Section.of("services", "namespace", "name");
    static final Section L7_SECTION = Section.of("l7", "logIntervalSeconds", "logRequestsPerInterval",
            "policySyncPathPrefix").with(SERVICES);
    static final Section EVALUATION = Section.of("evaluation", "sourcePorts");

    private InsightSections() {
    }

    static Logs logs(MappingReader root) {
        Logs d = Logs.DEFAULTS;
        return LOGS.read(root, r -> new Logs(
                CHECK.duration(r, "flowFlushInterval", d.flowFlushInterval()),
                CHECK.duration(r, "dnsFlushInterval", d.dnsFlushInterval()),
                CHECK.duration(r, "l7FlushInterval", d.l7FlushInterval()),
                r.integer("flowAggregationForAllowed", d.flowAggregationForAllowed(), 0, 2),
                r.integer("flowAggregationForDenied", d.flowAggregationForDenied(), 0, 3),
                r.integer("dnsAggregation", d.dnsAggregation(), 0, 1),
                r.bool("dnsFileEnabled", d.dnsFileEnabled()),
                r.bool("tcpStats", d.tcpStats()))).orElse(d);
    }

    static Alerts alerts(MappingReader root) {
        Alerts d = Alerts.DEFAULTS;
        return ALERTS.read(root, r -> {
            List<String> watched = CHECK.domains(r, "watchedDomains", r.strings("watchedDomains", d.watchedDomains()));
            String[] lateral = LATERAL_MOVEMENT.read(r, l -> {
                String ns = CHECK.namespace(l, "namespace", null);
                String label = l.string("label", Alerts.DEFAULT_LATERAL_LABEL);
                if (!label.matches("[^=\\s\"]+=[^=\\s\"]*")) {
                    l.error("label", "expected key=value, e.g. security=strict (got '" + label + "')");
                    label = Alerts.DEFAULT_LATERAL_LABEL;
                }
                return new String[] {ns, label};
            }).orElse(new String[] {d.lateralNamespace(), d.lateralLabel()});
            return new Alerts(r.integer("severity", d.severity(), 0, 100), CHECK.duration(r, "period", d.period()),
                    CHECK.duration(r, "lookback", d.lookback()), watched, lateral[0], lateral[1]);
        }).orElse(d);
    }

    static Reports reports(MappingReader root) {
        Reports d = Reports.DEFAULTS;
        return REPORTS.read(root, r -> new Reports(CHECK.cron(r, "schedule", d.schedule()),
                r.bool("inventory", d.inventory()), r.bool("networkAccess", d.networkAccess()),
                r.bool("policyAudit", d.policyAudit()), r.bool("cisBenchmark", d.cisBenchmark()),
                CHECK.namespaces(r, "namespaces", d.namespaces()))).orElse(d);
    }

    static Dpi dpi(MappingReader root) {
        Dpi d = Dpi.DEFAULTS;
        return DPI.read(root, r -> new Dpi(CHECK.namespace(r, "namespace", d.namespace()),
                CHECK.selector(r, "selector", d.selector()),
                CHECK.quantity(r, "cpuLimit", d.cpuLimit()), CHECK.quantity(r, "memoryLimit", d.memoryLimit()),
                CHECK.quantity(r, "cpuRequest", d.cpuRequest()), CHECK.quantity(r, "memoryRequest", d.memoryRequest())))
                .orElse(d);
    }

    static L7 l7(MappingReader root) {
        L7 d = L7.DEFAULTS;
        return L7_SECTION.read(root, r -> {
            List<ServiceRef> services = SERVICES.readList(r, d.services(), s -> {
                String ns = CHECK.namespace(s, "namespace", "default");
                String name = s.string("name", null);
                if (name == null) {
                    s.diagnostics().error(s.here(), s.pathOf("name") + ": required");
                    return null;
                }
                CHECK.label(s, "name", name);
                return new ServiceRef(ns, name);
            });
            String prefix = r.string("policySyncPathPrefix", d.policySyncPathPrefix());
            if (!prefix.matches("(/[A-Za-z0-9._-]+)+")) {
                r.error("policySyncPathPrefix", "expected an absolute path such as /var/run/nodeagent (got '" + prefix + "')");
                prefix = d.policySyncPathPrefix();
            }
            return new L7(services, r.integer("logIntervalSeconds", d.logIntervalSeconds(), 1, 86_400),
                    r.integer("logRequestsPerInterval", d.logRequestsPerInterval(), -1, Integer.MAX_VALUE), prefix);
        }).orElse(d);
    }

    static Evaluation evaluation(MappingReader root) {
        Evaluation d = Evaluation.DEFAULTS;
        return EVALUATION.read(root, r -> {
            JsonNode v = r.raw("sourcePorts");
            if (v == null || v.isNull()) {
                return d;
            }
            Optional<SourcePorts> ports = v.isInt() || v.isTextual() ? SourcePorts.parse(v.asText()) : Optional.empty();
            if (ports.isEmpty()) {
                r.error("sourcePorts", "expected a port N or a range A:B within 0-65535 (A <= B), got "
                        + MappingReader.describe(v), "the nodes' net.ipv4.ip_local_port_range, e.g. '32768:60999' (Linux's default)");
                return d;
            }
            return new Evaluation(ports.get());
        }).orElse(d);
    }
}
