package io.calicogitops.notify;

import io.calicogitops.driftlog.DriftState;

import java.util.Optional;

/** What changed since the last audit, as far as anyone watching needs to know; named as the message's {@code event}. */
public enum DriftEvent {
    APPEARED("drift-appeared"),
    CHANGED("drift-changed"),
    RESOLVED("drift-resolved"),
    AUDIT_FAILED("audit-failed");

    private final String label;

    DriftEvent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The event {@code current} raises after {@code last} (the previous audit, failed or not) and {@code lastSuccess}
     * (the previous audit that read the cluster); empty when nothing is worth a message. Unchanged drift (same
     * fingerprint) and a failure with the same error as the previous audit's stay quiet; a failure resolves nothing, so
     * after one the drift is compared with the last successful audit.
     */
    public static Optional<DriftEvent> between(Optional<DriftState> last, Optional<DriftState> lastSuccess, DriftState current) {
        if (current.failed()) {
            boolean sameError = last.filter(DriftState::failed).flatMap(DriftState::error).equals(current.error());
            return sameError ? Optional.empty() : Optional.of(AUDIT_FAILED);
        }
        Optional<DriftState> before = lastSuccess.filter(s -> !s.failed());
        boolean wasDrift = before.map(s -> s.verdict() == DriftState.Verdict.DRIFT).orElse(false);
        if (current.verdict() == DriftState.Verdict.IN_SYNC) {
            return wasDrift ? Optional.of(RESOLVED) : Optional.empty();
        }
        if (!wasDrift) {
            return Optional.of(APPEARED);
        }
        return before.get().fingerprint().equals(current.fingerprint()) ? Optional.empty() : Optional.of(CHANGED);
    }
}
