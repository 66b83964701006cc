package io.calicogitops.report;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.audit.DriftStatus;
import io.calicogitops.output.Renderer;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The terminal report: header, verdict, summary, then one table row per resource that is not in sync with its change
 * sentences below it. Fits 100 columns (long names and paths are shortened with an ellipsis in the table only);
 * ANSI colour only when asked for.
 */
public final class TextReporter implements Renderer<AuditReport> {

    static final int WIDTH = 100;
    private static final String GAP = "  ";
    private static final int SEVERITY_WIDTH = "SEVERITY".length();
    private static final int STATUS_WIDTH = "unmanaged".length();
    private static final int MIN_NAME_WIDTH = "NAMESPACE/NAME".length();
    private static final int MIN_WHERE_WIDTH = 12;
    private static final String INDENT = " ".repeat(SEVERITY_WIDTH + GAP.length()) + "- ";

    private final Ansi ansi;

    public TextReporter(boolean color) {
        this.ansi = new Ansi(color);
    }

    @Override
    public void write(AuditReport report, Writer out) throws IOException {
        ReportView view = new ReportView(report);
        StringBuilder b = new StringBuilder();
        b.append("cluster ").append(ansi.bold(printable(report.cluster()))).append(" @ ")
                .append(printable(view.commitAndRef())).append(" vs ").append(printable(report.liveSource())).append('\n');
        b.append(report.inSync() ? ansi.inSync(view.verdict()) : ansi.severity(report.worst(), view.verdict()))
                .append('\n');
        b.append(summary(report, view)).append('\n');
        if (!report.expiredIgnoreRules().isEmpty()) {
            b.append(ansi.severity(DriftSeverity.WARNING, "expired ignore rules (renew or delete them): "
                    + printable(String.join(", ", report.expiredIgnoreRules())))).append('\n');
        }
        List<Row> rows = view.findings().stream().map(Row::of).toList();
        if (!rows.isEmpty()) {
            b.append('\n');
            table(rows, b);
        }
        out.write(b.toString());
        out.flush();
    }


    private static String summary(AuditReport report, ReportView view) {
        List<String> counts = new ArrayList<>();
        for (DriftStatus s : DriftStatus.values()) {
            counts.add(report.count(s) + " " + EntryView.statusLabel(s).replace('-', ' '));
        }
        var c = report.coverage();
        return view.resourceCount() + " resources: " + String.join(", ", counts)
                + "; coverage " + view.coveragePercent() + " (" + c.managedPolicies() + "/" + c.livePolicies() + ")";
    }

    private void table(List<Row> rows, StringBuilder b) {
        int kindWidth = Math.max("KIND".length(), rows.stream().mapToInt(r -> r.kind().length()).max().orElse(0));
        int nameWidth = Math.max("NAMESPACE/NAME".length(), rows.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        int whereWidth = rows.stream().mapToInt(r -> r.where().length()).max().orElse(0);
        int available = WIDTH - (SEVERITY_WIDTH + STATUS_WIDTH + kindWidth + 4 * GAP.length());
        if (nameWidth + whereWidth > available) {
            nameWidth = splitNameWidth(rows, nameWidth, available);
            whereWidth = Math.max(MIN_WHERE_WIDTH, available - nameWidth);
        }
        b.append(ansi.bold(String.join(GAP, pad("SEVERITY", SEVERITY_WIDTH), pad("STATUS", STATUS_WIDTH),
                pad("KIND", kindWidth), pad("NAMESPACE/NAME", nameWidth), "WHERE").stripTrailing())).append('\n');
        for (Row r : rows) {
            String row = String.join(GAP,
                    ansi.severity(r.severity(), pad(r.severity().label(), SEVERITY_WIDTH)),
                    pad(r.status(), STATUS_WIDTH),
                    pad(r.kind(), kindWidth),
                    pad(truncateEnd(r.name(), nameWidth), nameWidth),
                    shortenPath(r.where(), whereWidth));
            b.append(row.stripTrailing()).append('\n');
            for (String line : r.lines()) {
                b.append(INDENT).append(line).append('\n');
            }
        }
    }

    /**
     * Splits the room between name and path so that the fewest cells lose information: a name cut short or a path cut
     * into its file name (dropping leading directories does not count). Ties go to the wider name.
     */
    private static int splitNameWidth(List<Row> rows, int nameNeed, int available) {
        int best = Math.min(nameNeed, Math.max(MIN_NAME_WIDTH, available - MIN_WHERE_WIDTH));
        int bestCuts = Integer.MAX_VALUE;
        for (int width = best; width >= MIN_NAME_WIDTH; width--) {
            int whereWidth = available - width;
            int cuts = 0;
            for (Row r : rows) {
                cuts += r.name().length() > width ? 1 : 0;
                String fileOnly = "…/" + r.where().substring(r.where().lastIndexOf('/') + 1);
                cuts += r.where().length() > whereWidth && fileOnly.length() > whereWidth ? 1 : 0;
            }
            if (cuts < bestCuts) {
                best = width;
                bestCuts = cuts;
            }
        }
        return best;
    }

    /**
     * Text from the cluster on one line and harmless for a terminal: line breaks and tabs become spaces; other control
     * characters (an ESC could drive the terminal) and bidi overrides (they can make text read differently from what
     * it is) become U+FFFD.
     */
    public static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                b.append(' ');
            } else if (Character.getType(cp) == Character.CONTROL || cp == 0x061C || cp == 0x200E || cp == 0x200F
                    || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
                b.append('\uFFFD');
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String truncateEnd(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    /** Drops whole leading directories ({@code …/policies/x.yaml:4}) before cutting into a name. */
    static String shortenPath(String path, int width) {
        String rest = path;
        int slash;
        while (rest.length() + 2 > width && (slash = rest.indexOf('/')) >= 0) {
            rest = rest.substring(slash + 1);
        }
        return rest.equals(path) || rest.length() + 2 > width ? truncateStart(path, width) : "…/" + rest;
    }

    static String truncateStart(String s, int width) {
        return s.length() <= width ? s : "…" + s.substring(s.length() - width + 1);
    }

    /** One table row, its text made printable, with the lines shown under it. */
    private record Row(DriftSeverity severity, String status, String kind, String name, String where, List<String> lines) {

        static Row of(EntryView f) {
            List<String> lines = new ArrayList<>();
            f.changes().forEach(c -> lines.add(printable(c.sentence())));
            if (f.ignoredBy() != null) {
                lines.add("ignored by " + printable(f.ignoredBy()));
            }
            return new Row(f.entry().severity(), f.status(), printable(f.kind()), printable(f.name()),
                    f.where() == null ? "-" : printable(f.where()), lines);
        }
    }

    /** ANSI escape codes, or nothing when colour is off. */
    private record Ansi(boolean on) {

        String bold(String s) {
            return wrap("1", s);
        }

        String inSync(String s) {
            return wrap("1;32", s);
        }

        String severity(DriftSeverity severity, String s) {
            return switch (severity) {
                case CRITICAL -> wrap("1;31", s);
                case WARNING -> wrap("33", s);
                case INFO -> wrap("36", s);
                case NONE -> wrap("2", s);
            };
        }

        private String wrap(String code, String s) {
            return on ? "\u001B[" + code + "m" + s + "\u001B[0m" : s;
        }
    }
}
