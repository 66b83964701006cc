package io.calicogitops.policy;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/** Calico's protocol names and numbers ({@code Uint8OrString}: "TCP", "6" and 6 are one protocol). */
public final class Protocols {

    public static final int ICMP = 1;
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ICMPV6 = 58;
    public static final int SCTP = 132;
    public static final int UDPLITE = 136;

    private static final Map<String, Integer> NAMES = Map.of("TCP", TCP, "UDP", UDP, "ICMP", ICMP, "ICMPv6", ICMPV6,
            "SCTP", SCTP, "UDPLite", UDPLITE);

    private Protocols() {
    }

    /** The number of a protocol name or number; case-sensitive names as Calico; case-insensitive as a convenience for CLI input. */
    public static OptionalInt number(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        String t = text.strip();
        if (t.matches("\\d{1,3}") && Integer.parseInt(t) <= 255) {
            return OptionalInt.of(Integer.parseInt(t));
        }
        Integer n = NAMES.get(t);
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /** For command-line input: "tcp" is accepted too. */
    public static OptionalInt lenient(String text) {
        OptionalInt n = number(text);
        if (n.isPresent() || text == null) {
            return n;
        }
        for (Map.Entry<String, Integer> e : NAMES.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(text.strip().toLowerCase(Locale.ROOT))) {
                return OptionalInt.of(e.getValue());
            }
        }
        return OptionalInt.empty();
    }

    public static String name(int number) {
        for (Map.Entry<String, Integer> e : NAMES.entrySet()) {
            if (e.getValue() == number) {
                return e.getKey();
            }
        }
        return Integer.toString(number);
    }

    public static boolean hasPorts(int proto) {
        return proto == TCP || proto == UDP || proto == SCTP || proto == UDPLITE;
    }
}
