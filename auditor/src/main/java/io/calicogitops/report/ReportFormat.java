package io.calicogitops.report;

import io.calicogitops.diag.UsageException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output formats of {@code calico-gitops audit}, named on the command line in lower case ({@code --format json}). */
public enum ReportFormat {
    TEXT, JSON, MARKDOWN, HTML, JUNIT;

    /** A reporter with this format's defaults (plain text without colour). */
    public Reporter reporter() {
        return switch (this) {
            case TEXT -> new TextReporter(false);
            case JSON -> new JsonReporter();
            case MARKDOWN -> new MarkdownReporter();
            case HTML -> new HtmlReporter();
            case JUNIT -> new JunitReporter();
        };
    }

    /** The lower-case name used on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a format name, ignoring case; an unknown name is a usage error that lists the valid ones. */
    public static ReportFormat parse(String name) {
        String wanted = name == null ? "" : name.trim();
        return Arrays.stream(values())
                .filter(f -> f.label().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new UsageException("unknown report format '" + name + "' (expected "
                        + Arrays.stream(values()).map(ReportFormat::label).collect(Collectors.joining(", ")) + ")"));
    }
}
