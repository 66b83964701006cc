package io.calicogitops.policy;

import io.calicogitops.diag.SourceLocation;

import java.util.function.Supplier;

/**
 * One ingress or egress rule. {@code protocol}/{@code notProtocol} are IANA numbers or -1 when absent;
 * {@code index} is 1-based, as traces and Calico's docs count.
 */
public record Rule(int index, Action action, int protocol, int notProtocol, EntityRule source, EntityRule destination,
                   Icmp icmp, Icmp notIcmp, Supplier<SourceLocation> located) {

    public static final int ANY = -1;

    /**
     * Where the rule is written. Asked for only when a finding names the rule: locating it reads its file's locations
     * in full, which a reading that records only the documents' own locations does not do up front.
     */
    public SourceLocation where() {
        return located.get();
    }

    /** The {@code icmp} or {@code notICMP} field of a rule: a type and optionally a code (null when absent). */
    public record Icmp(Integer type, Integer code) {
        @Override
        public String toString() {
            return type + "/" + code;
        }
    }

    public boolean hasIcmp() {
        return icmp != null;
    }

    public Integer icmpType() {
        return icmp == null ? null : icmp.type();
    }

    /**
     * The ICMP fields against a flow: {@code icmp} makes the rule match only ICMP/ICMPv6 flows of that type (and
     * code); {@code notICMP} excludes flows of that type (and code). A flow that names no type (or no code) stands
     * for any, so it matches {@code icmp} and is not excluded by {@code notICMP} on what it does not name.
     */
    public boolean icmpMatches(Flow flow) {
        boolean isIcmp = flow.protocol() == Protocols.ICMP || flow.protocol() == Protocols.ICMPV6;
        if (icmp != null) {
            if (!isIcmp) {
                return false;
            }
            if (icmp.type() != null && flow.port() >= 0 && flow.port() != icmp.type()) {
                return false;
            }
            if (icmp.code() != null && flow.icmpCode() >= 0 && flow.icmpCode() != icmp.code()) {
                return false;
            }
        }
        if (notIcmp != null && isIcmp && notIcmp.type() != null && flow.port() >= 0 && flow.port() == notIcmp.type()
                && (notIcmp.code() == null || flow.icmpCode() == notIcmp.code())) {
            return false;
        }
        return true;
    }

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
