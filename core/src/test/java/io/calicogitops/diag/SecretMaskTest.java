package io.calicogitops.diag;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One mask for every message that may quote a URL or a credential. */
class SecretMaskTest {

    @Test
    void apply_urlUserInfoAndEveryQueryValue_masked() {
        SecretMask mask = SecretMask.of(List.of());

        assertEquals("push to origin (https://[redacted]@git.example.com/fleet.git?access_token=[redacted]&x=[redacted])",
                mask.apply("push to origin (https://ci:pw@git.example.com/fleet.git?access_token=s3cr3t-value&x=1)"));
        assertEquals("http://h/p?token=[redacted]#top and https://h/q?private_token=[redacted]",
                mask.apply("http://h/p?token=abc#top and https://h/q?private_token=glpat-xyz"));
        assertEquals("see https://h/path?flag and no url?token=abc", mask.apply("see https://h/path?flag and no url?token=abc"));
    }

    @Test
    void apply_knownSecretsBearerAndJwt_masked() {
        SecretMask mask = SecretMask.of(java.util.Arrays.asList("known-secret-123", null, "abc"));

        assertEquals("x [redacted] y Bearer [redacted] z [redacted] abc",
                mask.apply("x known-secret-123 y Bearer tok.en-1 z eyJhbGciOi.eyJzdWIiOiJ4In0.sig abc"));
    }
}
