package io.calicogitops.policy;

/** The direction a policy governs at an endpoint: ingress at the destination, egress at the source. */
public enum Direction {
    INGRESS("Ingress", "I"), EGRESS("Egress", "E");

    private final String display;
    private final String mark;

    Direction(String display, String mark) {
        this.display = display;
        this.mark = mark;
    }

    public String display() {
        return display;
    }

    /** "E" or "I", as in the traces' {@code E@source} / {@code I@destination}. */
    public String mark() {
        return mark;
    }
}
