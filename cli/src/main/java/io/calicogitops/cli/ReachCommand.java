package io.calicogitops.cli;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.UsageException;
import io.calicogitops.output.Reporter;
import io.calicogitops.policy.Endpoint;
import io.calicogitops.policy.Evaluator;
import io.calicogitops.policy.Flow;
import io.calicogitops.policy.Inventory;
import io.calicogitops.policy.Protocols;
import io.calicogitops.query.LoadedModel;
import io.calicogitops.query.ReachReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code calico-gitops reach}: is this flow allowed, and which tier, policy and rule decide, at both ends. */
@Command(name = "reach", mixinStandardHelpOptions = true,
        description = "Evaluate one flow against the cluster's policies offline, exactly as Calico does: the enforced verdict, "
                + "the verdict if every staged policy were enforced, and the tier -> policy -> rule trace at the source (egress) "
                + "and the destination (ingress). Exit 0, or 1 when --expect is given and not met.")
public final class ReachCommand implements Callable<Integer>, FormattedCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    EvaluationOptions input;

    @Mixin
    SourcePortOption sourcePorts;

    @Option(names = "--from", required = true, paramLabel = "NS/WORKLOAD|IP|DOMAIN|NAME", description = "the source")
    String from;

    @Option(names = "--to", required = true, paramLabel = "NS/WORKLOAD|IP|DOMAIN|NAME", description = "the destination")
    String to;

    @Option(names = "--port", paramLabel = "N", description = "destination port (not for ICMP)")
    Integer port;

    @Option(names = "--icmp-type", paramLabel = "N", description = "ICMP type, with --protocol ICMP or ICMPv6 (default: any)")
    Integer icmpType;

    @Option(names = "--icmp-code", paramLabel = "N", description = "ICMP code, with --icmp-type (default: any)")
    Integer icmpCode;

    @Option(names = "--protocol", paramLabel = "PROTO", defaultValue = "TCP", description = "TCP, UDP, ICMP, SCTP or a number (default: ${DEFAULT-VALUE})")
    String protocol;

    @Mixin
    OutputOptions output;

    @Option(names = "--expect", paramLabel = "VERDICT", description = "allow or deny: exit 1 when the enforced verdict differs (for CI)")
    String expect;

    @Override
    public Integer call() throws IOException {
        output.format(reporter());
        if (expect != null && !expect.equals("allow") && !expect.equals("deny")) {
            throw new UsageException("--expect: expected allow or deny (got '" + expect + "')");
        }
        int proto = Protocols.lenient(protocol).orElseThrow(() -> new UsageException("--protocol: unknown protocol '" + protocol + "'"));
        if (port == null && Protocols.hasPorts(proto)) {
            throw new UsageException("--port: required for " + Protocols.name(proto));
        }
        boolean icmp = proto == Protocols.ICMP || proto == Protocols.ICMPV6;
        if ((icmpType != null || icmpCode != null) && !icmp) {
            throw new UsageException("--icmp-type and --icmp-code go with --protocol ICMP or ICMPv6");
        }
        if (icmp && port != null) {
            throw new UsageException("--port: ICMP has no ports; give --icmp-type (and --icmp-code)");
        }
        if (icmpCode != null && icmpType == null) {
            throw new UsageException("--icmp-code needs --icmp-type");
        }
        if ((icmpType != null && (icmpType < 0 || icmpType > 255)) || (icmpCode != null && (icmpCode < 0 || icmpCode > 255))) {
            throw new UsageException("--icmp-type and --icmp-code: must be between 0 and 255");
        }
        if (port != null && (port < 0 || port > 65535)) {
            throw new UsageException("--port: must be between 0 and 65535 (got " + port + ")");
        }
        sourcePorts.validate();
        if (icmp && sourcePorts.sourcePort != null) {
            throw new UsageException("--source-port: ICMP has no ports");
        }
        LoadedModel loaded = input.load();
        Inventory inv = loaded.model().inventory();
        int destinationPort = icmp ? (icmpType == null ? -1 : icmpType) : port == null ? -1 : port;
        Flow flow = new Flow(endpoint(inv, "--from", from), endpoint(inv, "--to", to), proto, destinationPort,
                icmpCode == null ? -1 : icmpCode, sourcePorts.resolve(loaded));
        Evaluator evaluator = loaded.model().compiled();
        ReachReport report = new ReachReport(loaded, evaluator.evaluate(flow), evaluator.evaluateStaged(flow),
                loaded.model().policies().hasStaged());
        output.print(spec, reporter(), report, report.enforced().word());
        return expect == null || expect.equals(report.enforced().word()) ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    @Override
    public Reporter<ReachReport> reporter() {
        return ReachReport.REPORTER;
    }

    static Endpoint endpoint(Inventory inv, String option, String text) {
        return inv.find(text).orElseThrow(() -> new UsageException(option + ": no workload, external endpoint, IP or DNS name '"
                + text + "'" + (inv.workloads().isEmpty() ? " (no workloads loaded: give --workloads or --fleet)"
                : " (workloads: " + inv.workloads().stream().map(Endpoint::display).limit(12).collect(Collectors.joining(", "))
                + (inv.workloads().size() > 12 ? ", ..." : "") + ")")));
    }
}
