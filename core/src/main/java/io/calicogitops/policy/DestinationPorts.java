package io.calicogitops.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The ports a workload listens on: its containers' ports plus the target ports of Services that select it. */
public final class DestinationPorts {

    /** A protocol number and port. */
    public record ProtoPort(int protocol, int port) implements Comparable<ProtoPort> {
        @Override
        public int compareTo(ProtoPort o) {
            return protocol != o.protocol ? Integer.compare(protocol, o.protocol) : Integer.compare(port, o.port);
        }

        public String display() {
            return Protocols.name(protocol) + "/" + port;
        }
    }

    private DestinationPorts() {
    }

    public static List<ProtoPort> of(Endpoint w, Inventory inventory) {
        TreeSet<ProtoPort> out = new TreeSet<>();
        for (ContainerPort cp : w.ports()) {
            out.add(new ProtoPort(Protocols.number(cp.protocol()).orElse(Protocols.TCP), cp.port()));
        }
        for (ServicePorts s : inventory.services()) {
            if (!s.namespace().equals(w.namespace()) || s.selector().isEmpty() || !selects(s.selector(), w.labels())) {
                continue;
            }
            for (ServicePorts.Mapping m : s.ports()) {
                int proto = Protocols.number(m.protocol()).orElse(Protocols.TCP);
                if (m.targetPort().matches("\\d+")) {
                    out.add(new ProtoPort(proto, Integer.parseInt(m.targetPort())));
                } else {
                    w.ports().stream().filter(cp -> m.targetPort().equals(cp.name()))
                            .forEach(cp -> out.add(new ProtoPort(proto, cp.port())));
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
