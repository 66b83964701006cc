package io.calicogitops.eval;

import java.util.Objects;

/**
 * A connection attempt: source, destination, protocol number and destination port (-1 when the protocol has none).
 * For ICMP and ICMPv6, {@code port} is the ICMP type and {@code icmpCode} the code (-1: any).
 */
public record Flow(Endpoint source, Endpoint destination, int protocol, int port, int icmpCode) {

    public Flow {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
    }

    public Flow(Endpoint source, Endpoint destination, int protocol, int port) {
        this(source, destination, protocol, port, -1);
    }

    public String display() {
        String p = Protocols.name(protocol) + (port >= 0 ? "/" + port : "") + (icmpCode >= 0 ? "/" + icmpCode : "");
        return source.display() + " -> " + destination.display() + " " + p;
    }
}
