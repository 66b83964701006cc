package io.calicogitops.notify;

import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.audit.DriftStatus;
import io.calicogitops.driftlog.DriftState;
import io.calicogitops.driftlog.LoggedDrift;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a message is due, from the previous audit, the previous successful audit and this one. */
class DriftEventTest {

    private static LoggedDrift drift(String fingerprint, String name) {
        return new LoggedDrift(fingerprint.repeat(64).substring(0, 64), "projectcalico.org", "GlobalNetworkPolicy", "",
                name, DriftStatus.MODIFIED, DriftSeverity.CRITICAL, List.of("egress rule 2: action Deny -> Allow"));
    }

    private static DriftState state(LoggedDrift... drift) {
        return io.calicogitops.driftlog.DriftStateFixtures.of(List.of(drift));
    }

    private static final DriftState SYNC = state();
    private static final DriftState A = state(drift("a", "security.pci-whitelist"));
    private static final DriftState A_AGAIN = state(drift("a", "security.pci-whitelist"));
    private static final DriftState AB = state(drift("b", "security.block-ips"), drift("a", "security.pci-whitelist"));
    private static final DriftState BA = state(drift("a", "security.pci-whitelist"), drift("b", "security.block-ips"));
    private static final DriftState FAILED = DriftState.failed("list tiers: HTTP 500", Optional.empty());
    private static final DriftState FAILED_OTHER = DriftState.failed("kubeconfig missing", Optional.empty());

    private static Optional<DriftEvent> after(Optional<DriftState> last, DriftState current) {
        return DriftEvent.between(last, last.filter(s -> !s.failed()), current);
    }

    @Test
    void fingerprint_sameDriftInAnyOrder_isTheSame_andDiffersWhenTheDriftDoes() {
        assertEquals(A.fingerprint(), A_AGAIN.fingerprint());
        assertEquals(AB.fingerprint(), BA.fingerprint());
        assertNotEquals(A.fingerprint(), AB.fingerprint());
        assertEquals(64, A.fingerprint().length());
        assertEquals("", SYNC.fingerprint());
    }

    @Test
    void between_table() {
        assertEquals(Optional.empty(), after(Optional.empty(), SYNC));
        assertEquals(Optional.of(DriftEvent.APPEARED), after(Optional.empty(), A));
        assertEquals(Optional.of(DriftEvent.APPEARED), after(Optional.of(SYNC), A));
        assertEquals(Optional.empty(), after(Optional.of(A), A_AGAIN));
        assertEquals(Optional.empty(), after(Optional.of(AB), BA));
        assertEquals(Optional.of(DriftEvent.CHANGED), after(Optional.of(A), AB));
        assertEquals(Optional.of(DriftEvent.RESOLVED), after(Optional.of(AB), SYNC));
        assertEquals(Optional.empty(), after(Optional.of(SYNC), SYNC));
        assertEquals(Optional.of(DriftEvent.AUDIT_FAILED), after(Optional.of(A), FAILED));
        assertEquals(Optional.empty(), after(Optional.of(FAILED), FAILED));
        assertEquals(Optional.of(DriftEvent.AUDIT_FAILED), after(Optional.of(FAILED), FAILED_OTHER));
    }

    @Test
    void between_afterAFailure_comparesWithTheLastSuccessfulAudit() {
        assertEquals(Optional.empty(), DriftEvent.between(Optional.of(FAILED), Optional.of(A), A_AGAIN),
                "a failure in between does not make old drift new");
        assertEquals(Optional.of(DriftEvent.RESOLVED), DriftEvent.between(Optional.of(FAILED), Optional.of(A), SYNC));
    }

    @Test
    void notification_text_isSlackStyleAndListsWhatAppearedAndWasResolved() {
        Notification n = new Notification(DriftEvent.CHANGED, "eks-prod", Instant.parse("2026-11-22T10:00:00Z"), AB, Optional.of(A));
        String text = n.toJson().path("text").asText();
        assertEquals(":warning: *eks-prod*: drift changed (2 critical now)\n"
                + "• critical modified GlobalNetworkPolicy security.block-ips: egress rule 2: action Deny -> Allow", text);
        assertEquals("2026-11-22T10:00:00Z", n.toJson().path("time").asText());
        Notification resolved = new Notification(DriftEvent.RESOLVED, "eks-prod", Instant.EPOCH, SYNC, Optional.of(AB));
        assertTrue(resolved.text().contains("• resolved: GlobalNetworkPolicy security.pci-whitelist"), resolved.text());
        assertEquals(2, resolved.toJson().path("resolved").size());
    }
}
