package io.calicogitops.validate;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 network in CIDR notation (a bare address is a /32 or /128), parsed without any DNS lookup. */
public record Cidr(byte[] address, int prefix) {

    private static final Pattern V4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]+");

    public boolean isV4() {
        return address.length == 4;
    }

    /**
     * Parses {@code a.b.c.d/n}, {@code a.b.c.d}, {@code x:y::z/n} as Go's {@code net.ParseCIDR} (which Calico uses)
     * does: no surrounding spaces, no leading zeros in IPv4 octets; the error text says what is wrong.
     */
    public static Cidr parse(String text) {
        String t = text;
        if (!t.equals(t.strip())) {
            throw new IllegalArgumentException("spaces around the value");
        }
        int slash = t.indexOf('/');
        String addr = slash < 0 ? t : t.substring(0, slash);
        byte[] bytes = addr.contains(":") ? parseV6(addr) : parseV4(addr);
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (!p.matches("\\d{1,3}")) {
                throw new IllegalArgumentException("prefix length '" + p + "' is not a number");
            }
            prefix = Integer.parseInt(p);
            if (prefix > max) {
                throw new IllegalArgumentException("prefix length " + prefix + " is larger than " + max);
            }
        }
        return new Cidr(bytes, prefix);
    }

    /** Why {@code text} is not a CIDR, or empty. */
    public static Optional<String> check(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("'" + Names.printable(text) + "' is not a valid CIDR: " + e.getMessage());
        }
    }

    /** True when {@code ip} (an address of the same family) lies in this network. */
    public boolean contains(byte[] ip) {
        if (ip.length != address.length) {
            return false;
        }
        BigInteger mask = BigInteger.ONE.shiftLeft(address.length * 8).subtract(BigInteger.ONE)
                .shiftRight(prefix).not();
        return new BigInteger(1, ip).and(mask).equals(new BigInteger(1, address).and(mask));
    }

    static byte[] parseV4(String addr) {
        var m = V4.matcher(addr);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + addr + "' is not an IPv4 or IPv6 address");
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (m.group(i + 1).length() > 1 && m.group(i + 1).startsWith("0")) {
                // Go 1.17+ rejects leading zeros: some parsers read them as octal.
                throw new IllegalArgumentException("octet '" + m.group(i + 1) + "' has a leading zero");
            }
            int octet = Integer.parseInt(m.group(i + 1));
            if (octet > 255) {
                throw new IllegalArgumentException("octet " + octet + " is larger than 255");
            }
            b[i] = (byte) octet;
        }
        return b;
    }

    static byte[] parseV6(String addr) {
        if (!V6.matcher(addr).matches() || addr.indexOf("::") != addr.lastIndexOf("::")) {
            throw new IllegalArgumentException("'" + addr + "' is not an IPv6 address");
        }
        String groupsText = addr;
        byte[] v4 = null;
        int lastColon = addr.lastIndexOf(':');
        if (addr.indexOf('.') > lastColon) {
            // An IPv4 address as the last 32 bits (::ffff:192.0.2.1) stands for two groups.
            v4 = parseV4(addr.substring(lastColon + 1));
            groupsText = addr.substring(0, lastColon + 1) + "0:0";
        }
        String[] halves = groupsText.split("::", -1);
        String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":", -1);
        String[] tail = halves.length > 1 && !halves[1].isEmpty() ? halves[1].split(":", -1) : new String[0];
        byte[] b = new byte[16];
        int groups = head.length + tail.length;
        if (halves.length == 1 && groups != 8) {
            throw new IllegalArgumentException("'" + addr + "' does not have 8 groups");
        }
        if (halves.length > 1 && groups > 7) {
            throw new IllegalArgumentException("'" + addr + "' has too many groups: '::' stands for at least one");
        }
        fill(b, 0, head, addr);
        fill(b, 16 - tail.length * 2, tail, addr);
        if (v4 != null) {
            System.arraycopy(v4, 0, b, 12, 4);
        }
        return b;
    }

    private static void fill(byte[] b, int offset, String[] groups, String addr) {
        for (int i = 0; i < groups.length; i++) {
            if (!groups[i].matches("[0-9A-Fa-f]{1,4}")) {
                throw new IllegalArgumentException("'" + addr + "' has a bad group '" + groups[i] + "'");
            }
            int v = Integer.parseInt(groups[i], 16);
            b[offset + i * 2] = (byte) (v >> 8);
            b[offset + i * 2 + 1] = (byte) v;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && java.util.Arrays.equals(c.address, address);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(address) * 31 + prefix;
    }
}
