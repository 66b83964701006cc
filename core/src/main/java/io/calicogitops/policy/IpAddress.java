package io.calicogitops.policy;

import io.calicogitops.validate.Cidr;

import java.util.Arrays;
import java.util.Optional;

/** An IPv4 or IPv6 address, parsed without DNS, and CIDR containment done on bytes (fast enough for the matrix). */
public record IpAddress(byte[] bytes, String text) {

    public static Optional<IpAddress> parse(String text) {
        if (text == null || text.isBlank() || text.contains("/")) {
            return Optional.empty();
        }
        try {
            Cidr c = Cidr.parse(text);
            return Optional.of(new IpAddress(c.address(), text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether this address lies in {@code net}. */
    public boolean in(Cidr net) {
        byte[] a = net.address();
        if (a.length != bytes.length) {
            return false;
        }
        int full = net.prefix() / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != bytes[i]) {
                return false;
            }
        }
        int rest = net.prefix() % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (bytes[full] & mask);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return text;
    }
}
