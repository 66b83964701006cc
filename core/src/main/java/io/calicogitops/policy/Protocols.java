package io.calicogitops.policy;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

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
    /** The names lower-cased (all distinct), for {@link #lenient}. */
    private static final Map<String, Integer> LOWER_NAMES = NAMES.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));

    private Protocols() {
    }

    /** The number of a protocol name or number; case-sensitive names as Calico; case-insensitive as a convenience for CLI input. */
    public static OptionalInt number(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        String t = text.strip();
        // One to three ASCII digits up to 255, checked by hand: a regex here was compiled again for every flow record.
        if (!t.isEmpty() && t.length() <= 3 && digits(t)) {
            int n = Integer.parseInt(t);
            if (n <= 255) {
                return OptionalInt.of(n);
            }
        }
        Integer n = NAMES.get(t);
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    private static boolean digits(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** For command-line input: "tcp" is accepted too. */
    public static OptionalInt lenient(String text) {
        OptionalInt n = number(text);
        if (n.isPresent() || text == null) {
            return n;
        }
        Integer folded = LOWER_NAMES.get(text.strip().toLowerCase(Locale.ROOT));
        return folded == null ? OptionalInt.empty() : OptionalInt.of(folded);
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
