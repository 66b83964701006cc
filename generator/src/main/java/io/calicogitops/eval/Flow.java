package io.calicogitops.eval;

import java.util.Objects;

/** A connection attempt: source, destination, protocol number and destination port (-1 when the protocol has none). */
public record Flow(Endpoint source, Endpoint destination, int protocol, int port) {

    public Flow {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
    }

    public String display() {
        String p = Protocols.name(protocol) + (port >= 0 ? "/" + port : "");
        return source.display() + " -> " + destination.display() + " " + p;
    }
}
