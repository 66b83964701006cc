package io.calicogitops.policy;

import java.util.Objects;

/**
 * A connection attempt: source, destination, protocol number and destination port (-1 when the protocol has none).
 * For ICMP and ICMPv6, {@code port} is the ICMP type and {@code icmpCode} the code (-1: any). {@code sourcePorts} is
 * the range the client's source port is taken from (meaningful for TCP, UDP, SCTP and UDPLite only).
 */
public record Flow(Endpoint source, Endpoint destination, int protocol, int port, int icmpCode, SourcePorts sourcePorts) {

    public Flow {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(sourcePorts, "sourcePorts");
    }

    /** A flow from Linux's default ephemeral port range. */
    public Flow(Endpoint source, Endpoint destination, int protocol, int port, int icmpCode) {
        this(source, destination, protocol, port, icmpCode, SourcePorts.LINUX_EPHEMERAL);
    }

    public Flow(Endpoint source, Endpoint destination, int protocol, int port) {
        this(source, destination, protocol, port, -1);
    }

    public Flow withSourcePorts(SourcePorts ports) {
        return new Flow(source, destination, protocol, port, icmpCode, ports);
    }

    /** Whether the source port takes part in matching: only protocols with ports have one. */
    public boolean hasSourcePort() {
        return Protocols.hasPorts(protocol);
    }

    public String display() {
        String p = Protocols.name(protocol) + (port >= 0 ? "/" + port : "") + (icmpCode >= 0 ? "/" + icmpCode : "");
        return source.display() + " -> " + destination.display() + " " + p;
    }
}
