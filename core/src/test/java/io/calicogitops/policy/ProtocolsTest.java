package io.calicogitops.policy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Protocol names and numbers read without a regex give what the regex reading gave, on every kind of input. */
class ProtocolsTest {

    private static final Map<String, Integer> NAMES = Map.of("TCP", 6, "UDP", 17, "ICMP", 1, "ICMPv6", 58, "SCTP", 132,
            "UDPLite", 136);

    /** The reading before it was made cheaper: a regex for the number, a scan of the names for the lenient form. */
    private static OptionalInt reference(String text, boolean lenient) {
        if (text == null) {
            return OptionalInt.empty();
        }
        String t = text.strip();
        if (t.matches("\\d{1,3}") && Integer.parseInt(t) <= 255) {
            return OptionalInt.of(Integer.parseInt(t));
        }
        if (NAMES.containsKey(t)) {
            return OptionalInt.of(NAMES.get(t));
        }
        if (lenient) {
            for (Map.Entry<String, Integer> e : NAMES.entrySet()) {
                if (e.getKey().toLowerCase(Locale.ROOT).equals(t.toLowerCase(Locale.ROOT))) {
                    return OptionalInt.of(e.getValue());
                }
            }
        }
        return OptionalInt.empty();
    }

    @Test
    void numberAndLenient_sameAsTheRegexReading() {
        List<String> inputs = new ArrayList<>(List.of("", " ", "TCP", "tcp", " Tcp ", "UDP", "udp", "ICMP", "ICMPv6", "icmpv6",
                "SCTP", "sctp", "UDPLite", "udplite", "UDPLITE", "0", "6", " 17 ", "006", "255", "256", "999", "1000", "0006",
                "-6", "+6", "6a", "a6", "6 6", "\u0666", "\u0661\u0667", "\uff16", "6.0", "1e2", "TCP\t", "\u00a0TCP", "tcpx",
                "GRE", "47", "\u0130CMP"));
        for (int i = 0; i < 1000; i++) {
            inputs.add(Integer.toString(i));
        }
        inputs.add(null);
        for (String in : inputs) {
            assertEquals(reference(in, false), Protocols.number(in), "number(" + in + ")");
            assertEquals(reference(in, true), Protocols.lenient(in), "lenient(" + in + ")");
        }
    }
}
