package io.calicogitops.policy;

import java.util.Locale;
import java.util.Optional;

/** A Calico rule action: Allow and Deny are final, Pass goes to the next tier, Log continues. */
public enum Action {
    ALLOW, DENY, LOG, PASS;

    public static Optional<Action> parse(String text) {
        for (Action a : values()) {
            if (a.display().equals(text)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Calico's spelling: Allow, Deny, Log, Pass. */
    public String display() {
        String n = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }
}
