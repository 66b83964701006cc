package io.calicogitops.policy;

import java.util.Optional;

/**
 * The source ports a flow may come from: a client picks one from the kernel's ephemeral range, Linux's default being
 * 32768-60999 ({@code net.ipv4.ip_local_port_range}), so a flow is evaluated over a range, not at one unknown port.
 */
public record SourcePorts(int min, int max) {

    /** Linux's default {@code net.ipv4.ip_local_port_range}. */
    public static final SourcePorts LINUX_EPHEMERAL = new SourcePorts(32768, 60999);

    public SourcePorts {
        if (min < 0 || max > 65535 || min > max) {
            throw new IllegalArgumentException("source ports " + min + ":" + max + " are not a range within 0-65535");
        }
    }

    /** {@code N} or {@code A:B} (Calico's port-range syntax), 0-65535, A <= B; empty when it is neither. */
    public static Optional<SourcePorts> parse(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d{1,5}(:\\d{1,5})?")) {
            return Optional.empty();
        }
        int colon = t.indexOf(':');
        int a = Integer.parseInt(colon < 0 ? t : t.substring(0, colon));
        int b = colon < 0 ? a : Integer.parseInt(t.substring(colon + 1));
        return a <= b && b <= 65535 ? Optional.of(new SourcePorts(a, b)) : Optional.empty();
    }

    public boolean contains(SourcePorts other) {
        return min <= other.min && other.max <= max;
    }

    /** {@code 80} or {@code 32768-60999}. */
    public String display() {
        return min == max ? Integer.toString(min) : min + "-" + max;
    }

    /** {@code 80} or {@code 32768:60999}, as written in profiles, flags and Calico rules. */
    @Override
    public String toString() {
        return min == max ? Integer.toString(min) : min + ":" + max;
    }
}
