package io.calicogitops.policy;

import io.calicogitops.selector.Selector;

import java.util.ArrayList;
import java.util.List;

/**
 * Proves that no flow is allowed between in-scope workloads ({@code label == value}, e.g. PCI=true) and the others, in either
 * direction, on any port the destination declares, except the explicitly allowed flows. A flow allowed from some source
 * ports only is a violation too (reported with those ports): a client may pick any port of the range.
 */
public final class SegmentationCheck {

    /** An explicitly allowed flow (selectors over workload labels; protocol number or -1, port or -1). */
    public record AllowedFlow(String from, String to, int protocol, int port) {
        boolean covers(Flow f) {
            return Selector.parse(from).matches(f.source().labels()) && Selector.parse(to).matches(f.destination().labels())
                    && (protocol < 0 || protocol == f.protocol()) && (port < 0 || port == f.port());
        }

        public String display() {
            return from + " -> " + to + (protocol < 0 ? "" : " " + Protocols.name(protocol)) + (port < 0 ? "" : "/" + port);
        }
    }

    /** The outcome: counts, the allowed flows an exception covers, and the counter-examples with their traces. */
    public record Result(String label, List<String> inScope, List<String> outOfScope, int flowsChecked,
                         List<Verdict> excepted, List<Verdict> violations, List<AllowedFlow> exceptions, SourcePorts sourcePorts) {
        public boolean holds() {
            return violations.isEmpty();
        }
    }

    private SegmentationCheck() {
    }

    public static Result run(ClusterModel model, Evaluator evaluator, String label, String value, List<AllowedFlow> exceptions) {
        return run(model, evaluator, label, value, exceptions, SourcePorts.LINUX_EPHEMERAL);
    }

    /** Violations are the allowed parts: a flow allowed from some source ports only is one, with those ports. */
    public static Result run(ClusterModel model, Evaluator evaluator, String label, String value, List<AllowedFlow> exceptions,
                             SourcePorts sourcePorts) {
        Inventory inv = model.inventory();
        List<Endpoint> in = new ArrayList<>();
        List<Endpoint> out = new ArrayList<>();
        for (Endpoint w : inv.workloads()) {
            (value.equals(w.labels().get(label)) ? in : out).add(w);
        }
        List<Verdict> excepted = new ArrayList<>();
        List<Verdict> violations = new ArrayList<>();
        int checked = 0;
        for (List<Endpoint>[] pair : pairs(in, out)) {
            for (Endpoint from : pair[0]) {
                for (Endpoint to : pair[1]) {
                    for (DestinationPorts.ProtoPort p : probePorts(to, inv)) {
                        Flow f = new Flow(from, to, p.protocol(), p.port(), -1, sourcePorts);
                        checked++;
                        Verdicts vs = evaluator.evaluate(f);
                        if (!vs.anyAllowed()) {
                            continue;
                        }
                        Verdict v = allowedPart(vs);
                        (exceptions.stream().anyMatch(x -> x.covers(f)) ? excepted : violations).add(v);
                    }
                }
            }
        }
        return new Result(label + "=" + value, in.stream().map(Endpoint::display).toList(), out.stream().map(Endpoint::display).toList(),
                checked, excepted, violations, exceptions, sourcePorts);
    }

    /** The whole flow when every source port is allowed, else the first allowed sub-range (its flow names the ports). */
    private static Verdict allowedPart(Verdicts vs) {
        if (vs.allowed()) {
            Verdict first = vs.first();
            return new Verdict(vs.flow(), first.egress(), first.ingress());
        }
        return vs.parts().stream().filter(Verdict::allowed).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<List<Endpoint>[]> pairs(List<Endpoint> in, List<Endpoint> out) {
        return List.of(new List[]{in, out}, new List[]{out, in});
    }

    /** The destination's declared ports; one with none is probed on TCP/80 (a port no rule singles out is rare). */
    static List<DestinationPorts.ProtoPort> probePorts(Endpoint to, Inventory inv) {
        List<DestinationPorts.ProtoPort> ports = DestinationPorts.of(to, inv);
        return ports.isEmpty() ? List.of(new DestinationPorts.ProtoPort(Protocols.TCP, 80)) : ports;
    }
}
