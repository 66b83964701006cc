package io.calicogitops.report;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.DriftEntry;
import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.audit.DriftStatus;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.model.RepoLayout;
import io.calicogitops.output.Renderer;
import io.calicogitops.output.Sarif;
import io.calicogitops.version.BuildInfo;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code audit -o sarif}: each drift as a SARIF result at the resource's place in Git, so code scanning shows drift
 * next to the file that declares the resource. Rules are the drift kinds by severity ({@code CG-D-critical-modified},
 * ...). A live object Git does not have (unmanaged) has no file: it is placed on the cluster folder's
 * {@code kustomization.yaml}, which is where it would be added. Ignored and in-sync entries are not results.
 */
public final class SarifReporter implements Renderer<AuditReport> {

    @Override
    public void write(AuditReport report, Writer out) throws IOException {
        List<Sarif.Rule> rules = new ArrayList<>();
        for (DriftSeverity severity : DriftSeverity.values()) {
            if (severity == DriftSeverity.NONE) {
                continue;
            }
            for (DriftStatus status : List.of(DriftStatus.MODIFIED, DriftStatus.MISSING, DriftStatus.UNMANAGED)) {
                rules.add(rule(severity, status));
            }
        }
        String folder = folder(report);
        List<Sarif.Result> results = new ArrayList<>();
        for (DriftEntry e : report.entries()) {
            if (!e.isDrift()) {
                continue;
            }
            EntryView v = new EntryView(e);
            SourceLocation at = e.desiredAt() == null ? null : e.desiredAt().orElse(null);
            String file = at != null ? at.file() : folder + "/kustomization.yaml";
            StringBuilder message = new StringBuilder(v.kind() + " " + v.name() + " is " + v.status() + " in the cluster ("
                    + e.severity().label() + "): " + v.headline());
            e.changes().stream().skip(1).forEach(c -> message.append("\n").append(c.sentence()));
            results.add(new Sarif.Result(rule(e.severity(), e.status()).id(), level(e.severity()), message.toString(), file,
                    at == null ? 0 : at.line(), at == null ? 0 : at.column()));
        }
        out.write(Sarif.write(BuildInfo.current().version(), rules, results));
    }

    /** The cluster's folder in Git: where its files are (either layout), else the default layout's. */
    static String folder(AuditReport report) {
        for (DriftEntry e : report.entries()) {
            if (e.desiredAt() != null && e.desiredAt().isPresent()) {
                String file = e.desiredAt().get().file();
                int slash = file.lastIndexOf('/');
                if (slash > 0) {
                    return file.substring(0, slash);
                }
            }
        }
        return RepoLayout.folder(report.cluster());
    }

    static Sarif.Rule rule(DriftSeverity severity, DriftStatus status) {
        String s = severity.label();
        String st = status.name().toLowerCase(Locale.ROOT);
        String what = switch (status) {
            case MODIFIED -> "differs from Git";
            case MISSING -> "is in Git but not in the cluster";
            default -> "is in the cluster but not in Git";
        };
        return new Sarif.Rule("CG-D-" + s + "-" + st, "drift/" + s + "/" + st, "A resource that " + what + " (" + s + ")",
                "The live resource " + what + "; severity " + s + " (critical: it can allow traffic Git denies). "
                        + "Severity rules: docs/auditing.md");
    }

    private static Sarif.Level level(DriftSeverity severity) {
        return switch (severity) {
            case CRITICAL -> Sarif.Level.ERROR;
            case WARNING -> Sarif.Level.WARNING;
            default -> Sarif.Level.NOTE;
        };
    }
}
