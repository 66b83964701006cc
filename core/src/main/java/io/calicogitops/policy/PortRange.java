package io.calicogitops.policy;

/** One entry of a rule's {@code ports}: a number, a range {@code a:b}, or a named port resolved at the destination. */
public record PortRange(int min, int max, String name) {

    public static PortRange parse(String text) {
        String t = text.strip();
        if (t.matches("\\d+")) {
            int p = Integer.parseInt(t);
            return new PortRange(p, p, null);
        }
        if (t.matches("\\d+:\\d+")) {
            String[] parts = t.split(":");
            return new PortRange(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), null);
        }
        return new PortRange(0, -1, t);
    }

    public boolean isNamed() {
        return name != null;
    }

    @Override
    public String toString() {
        return isNamed() ? name : min == max ? Integer.toString(min) : min + ":" + max;
    }
}
