package io.calicogitops.eval;

import io.calicogitops.diag.SourceLocation;

/**
 * One ingress or egress rule. {@code protocol}/{@code notProtocol} are IANA numbers or -1 when absent;
 * {@code index} is 1-based, as traces and Calico's docs count.
 */
public record Rule(int index, Action action, int protocol, int notProtocol, EntityRule source, EntityRule destination,
                   boolean hasIcmp, Integer icmpType, SourceLocation where) {

    public static final int ANY = -1;

    /** Whether a matching flow on {@code proto} passes the protocol fields (a rule with ports matches only TCP/UDP/SCTP/UDPLite). */
    public boolean protocolMatches(int proto) {
        if (protocol != ANY && protocol != proto) {
            return false;
        }
        if (notProtocol != ANY && notProtocol == proto) {
            return false;
        }
        boolean ported = !source.ports().isEmpty() || !destination.ports().isEmpty()
                || !source.notPorts().isEmpty() || !destination.notPorts().isEmpty();
        return !ported || Protocols.hasPorts(proto);
    }
}
