package io.calicogitops.cli;

import io.calicogitops.diag.UsageException;
import io.calicogitops.driftlog.DriftLogPush;
import io.calicogitops.git.GitCredentials;
import io.calicogitops.signing.SigningKeys;
import io.calicogitops.watch.AuditSession;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Optional;

/** {@code audit --record [--push] [--sign-key FILE]}: appending each audit's result to the drift log. */
final class RecordOptions {

    private static final String REMOTE = "origin";

    @Option(names = "--record", description = "append the result to the drift log (branch calico-gitops/audit-log of --repo);"
            + " a failed audit is recorded too")
    boolean record;

    @Option(names = "--push", description = "with --record: record on the drift log of the remote 'origin' (fetch, append,"
            + " push; rebuilt on the remote's tip when another recorder pushed first); HTTPS token from $"
            + GitCredentials.TOKEN_VARIABLE)
    boolean push;

    @Option(names = "--sign-key", paramLabel = "FILE", description = "with --record: sign the entry with this Ed25519 private"
            + " key (PKCS#8 PEM, e.g. from 'evidence keygen'); 'log verify --public-key' then finds entries forged without it")
    Path signKey;

    /** Also the time a notification names: one clock for what is recorded and what is sent. */
    @Option(names = "--now", paramLabel = "INSTANT", hidden = true, description = "the time the drift log records")
    Instant now;

    /** --push alone is a usage error: it pushes the entry --record appends. */
    void checkPush() {
        if (push && !record) {
            throw new UsageException("--push needs --record: it pushes the drift log entry");
        }
    }

    /** How to record (empty: not at all); the key is read again on each call. */
    Optional<AuditSession.Recording> recording() {
        checkPush();
        Optional<PrivateKey> key = signingKey();
        return record ? Optional.of(new AuditSession.Recording(push
                ? Optional.of(new DriftLogPush(REMOTE, GitCredentials.fromEnvironment(System.getenv()))) : Optional.empty(), key))
                : Optional.empty();
    }

    /** The key entries are signed with; a key without --record, or a file that is no key, is a usage error. */
    Optional<PrivateKey> signingKey() {
        if (signKey != null && !record) {
            throw new UsageException("--sign-key needs --record: it signs the drift log entry");
        }
        return Optional.ofNullable(signKey).map(k -> SigningKeys.readPrivate(k, "--sign-key " + Paths.display(k)));
    }
}
