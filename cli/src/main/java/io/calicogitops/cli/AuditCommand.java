package io.calicogitops.cli;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.AuditRequest;
import io.calicogitops.audit.Auditor;
import io.calicogitops.audit.ignore.IgnoreRules;
import io.calicogitops.audit.LiveReader;
import io.calicogitops.diag.CalicoGitOpsException;
import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.UsageException;
import io.calicogitops.driftlog.DriftLogPush;
import io.calicogitops.git.GitCredentials;
import io.calicogitops.report.ReportFormat;
import io.calicogitops.signing.SigningKeys;
import io.calicogitops.validate.CalicoTarget;
import picocli.CommandLine.ArgGroup;
import io.calicogitops.watch.AuditLoop;
import io.calicogitops.watch.Backoff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code calico-gitops audit}: is what runs in the cluster exactly what Git says? Exit 0 in sync, 1 drift; with
 * {@code --record} the result (or the failure) is appended to the drift log, and a result that cannot be recorded is exit 4.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Compare the live Calico resources of a cluster with clusters/<name>/ in Git and report drift by severity.")
public final class AuditCommand implements Callable<Integer> {

    private static final String REMOTE = "origin";

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "the GitOps repository")
    Path repo;

    @Option(names = "--cluster", required = true, paramLabel = "NAME", description = "the cluster folder to compare")
    String cluster;

    @Option(names = "--ref", paramLabel = "REV", defaultValue = "HEAD", description = "commit, branch or tag (default: ${DEFAULT-VALUE})")
    String ref;

    @ArgGroup(exclusive = true, multiplicity = "1")
    LiveSourceOptions source;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, markdown, html or junit (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "write the report here instead of stdout")
    Path output;

    @Option(names = "--ignore", paramLabel = "FILE", description = "accepted differences: owner, reason and expiry per rule")
    Path ignore;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", hidden = true, description = "the date ignore rules expire against")
    LocalDate today;

    @Option(names = "--calico-edition", paramLabel = "EDITION", description = "the Calico the cluster runs: cloud, enterprise"
            + " or oss (default: what the profile's calico: key stamped on the cluster folder, else cloud)")
    String calicoEdition;

    @Option(names = "--calico-version", paramLabel = "X.Y", description = "with --calico-edition enterprise or oss: its"
            + " version, e.g. 3.31")
    String calicoVersion;

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

    @Option(names = "--now", paramLabel = "INSTANT", hidden = true, description = "the time the drift log records")
    Instant now;

    @Mixin
    WatchOptions watch;

    @Mixin
    NotifyOptions notify;

    private final AuditRun run = new AuditRun();

    @Mixin
    ProgressOption progress = new ProgressOption();

    @Override
    public Integer call() throws Exception {
        run.start(notify.target(), spec.commandLine().getErr());
        if (!watch.watch) {
            return run.once(repo, cluster, now, this::auditOnce);
        }
        checkBeforeWatching();
        AuditLoop loop = new AuditLoop(watch.interval(), Backoff.forInterval(watch.interval(),
                watch.seed == null ? new java.util.Random() : new java.util.Random(watch.seed)), spec.commandLine().getErr());
        try (StopSignals signals = new StopSignals(loop::requestStop)) {
            AuditLoop.Result result = loop.run(() -> run.once(repo, cluster, now, this::auditOnce), watch.maxRuns);
            // Stopped by a signal: a clean end. Run out of --max-runs: the last audit's verdict.
            return result.stopped() ? ExitCodes.OK : result.lastExitCode();
        }
    }

    /** Options that cannot fix themselves end a watch at once (exit 2 or 3) instead of failing every run. */
    private void checkBeforeWatching() {
        try {
            ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
        if (ignore != null) {
            IgnoreRules.load(ignore, Paths.display(ignore));
        }
        signingKey();
    }

    /** The key entries are signed with; a key without --record, or a file that is no key, is a usage error. */
    private Optional<PrivateKey> signingKey() {
        if (signKey != null && !record) {
            throw new UsageException("--sign-key needs --record: it signs the drift log entry");
        }
        return Optional.ofNullable(signKey).map(k -> SigningKeys.readPrivate(k, "--sign-key " + Paths.display(k)));
    }

    private int auditOnce() throws IOException {
        ReportFormat fmt;
        try {
            fmt = ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
        if (push && !record) {
            throw new UsageException("--push needs --record: it pushes the drift log entry");
        }
        calicoTarget();
        IgnoreRules rules = ignore == null ? IgnoreRules.none() : IgnoreRules.load(ignore, Paths.display(ignore));
        Optional<PrivateKey> key = signingKey();
        AuditRecorder recorder = record ? new AuditRecorder(repo, cluster, ref, liveSource(), now, spec.commandLine().getErr(),
                push ? Optional.of(new DriftLogPush(REMOTE, GitCredentials.fromEnvironment(System.getenv()))) : Optional.empty(),
                key) : null;
        AuditReport report;
        try {
            LiveReader reader = run.capture(source.reader());
            report = new Auditor().audit(new AuditRequest(repo, cluster, ref,
                    recorder == null ? reader : recorder.capture(reader), rules, today, calicoTarget()),
                    progress.on(spec.commandLine().getErr()));
        } catch (CalicoGitOpsException e) {
            if (recorder != null) {
                recorder.failed(e);
            }
            throw e;
        }
        run.finished(report);
        StringWriter text = new StringWriter();
        fmt.reporter().write(report, text);
        if (output != null) {
            Path parent = output.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(output, text.toString(), StandardCharsets.UTF_8);
            spec.commandLine().getErr().println((report.inSync() ? "in sync" : "drift") + ": report written to " + Paths.display(output));
        } else {
            Writer out = spec.commandLine().getOut();
            out.write(text.toString());
            out.flush();
        }
        if (recorder != null) {
            recorder.recorded(report);
        }
        return report.inSync() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** The target named by --calico-edition/--calico-version; empty leaves it to the cluster folder. */
    private Optional<CalicoTarget> calicoTarget() {
        if (calicoEdition == null) {
            if (calicoVersion != null) {
                throw new UsageException("--calico-version needs --calico-edition");
            }
            return Optional.empty();
        }
        CalicoTarget.Edition edition = java.util.Arrays.stream(CalicoTarget.Edition.values())
                .filter(e -> e.name().equalsIgnoreCase(calicoEdition)).findFirst()
                .orElseThrow(() -> new UsageException("--calico-edition: unknown edition (expected cloud, enterprise or oss)"));
        CalicoTarget.Result result = CalicoTarget.of(edition, calicoVersion);
        return Optional.of(result.target().orElseThrow(() -> new UsageException("--calico-version: " + result.problem().orElseThrow())));
    }

    /** Where the live state comes from, for a failed audit's log entry: file names or a context, never credentials. */
    private String liveSource() {
        return source.describe();
    }
}
