package io.calicogitops.driftlog;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.AuditRequest;
import io.calicogitops.audit.Auditor;
import io.calicogitops.audit.DesiredState;
import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.audit.SecretFixtures;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.model.Resource;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.calicogitops.audit.SecretFixtures.DESIRED;
import static io.calicogitops.audit.SecretFixtures.assertNoValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The drift log's digests and fingerprints are SHA-256 hashes; over a Secret's value they could be guessed, so they
 * are taken over the masked Secret: two clusters that differ only in the drifted value give the same hashes.
 */
class SecretDigestTest {

    private static Resource parse(String yaml) {
        JsonNode body = new YamlReader().read(yaml, "x.yaml", new Diagnostics()).get(0).body();
        return Resource.of(body, io.calicogitops.diag.SourceLocation.of("x.yaml"));
    }

    private static LiveSnapshot live(String password) {
        return new LiveSnapshot("files: live.yaml", List.of(parse(SecretFixtures.liveSecretYaml(password))), List.of());
    }

    private static AuditReport audit(LiveSnapshot live) {
        Resource desired = parse(SecretFixtures.desiredYaml(DESIRED));
        DesiredState state = new DesiredState("0123456789abcdef0123456789abcdef01234567", Map.of(desired.id(), desired), Map.of());
        return new Auditor().compare(new AuditRequest(Path.of("."), "c1", "HEAD", q -> live, null,
                LocalDate.parse("2026-11-22")), state, live);
    }

    @Test
    void liveDigestAndFingerprints_doNotDependOnTheSecretValue() {
        LiveSnapshot one = live("s3cr3t-live-VALUE");
        LiveSnapshot two = live("another-live-value-entirely");

        assertEquals(LiveDigest.of(one), LiveDigest.of(two));
        DriftState a = DriftState.of(audit(one), one);
        DriftState b = DriftState.of(audit(two), two);
        assertEquals(DriftState.Verdict.DRIFT, a.verdict(), "a changed value is drift");
        assertEquals(a.fingerprint(), b.fingerprint());
        assertEquals(a.drift().get(0).fingerprint(), b.drift().get(0).fingerprint());
    }

    @Test
    void logEntryBody_holdsNoValue() {
        LiveSnapshot one = live(SecretFixtures.LIVE);
        assertNoValue("the drift-log entry", LogEntryJson.body(audit(one), one, Instant.parse("2026-11-22T10:00:00Z")).toString());
    }
}
