package io.calicogitops.report;

import io.calicogitops.diag.UsageException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output formats of {@code calico-gitops history}, named on the command line in lower case ({@code --format csv}). */
public enum HistoryFormat {
    TEXT, JSON, MARKDOWN, HTML, CSV;

    public HistoryReporter reporter() {
        return switch (this) {
            case TEXT -> new HistoryTextReporter();
            case JSON -> new HistoryJsonReporter();
            case MARKDOWN -> new HistoryMarkdownReporter();
            case HTML -> new HistoryHtmlReporter();
            case CSV -> new HistoryCsvReporter();
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a format name, ignoring case; an unknown name is a usage error that lists the valid ones. */
    public static HistoryFormat parse(String name) {
        String wanted = name == null ? "" : name.trim();
        return Arrays.stream(values())
                .filter(f -> f.label().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new UsageException("unknown history format '" + name + "' (expected "
                        + Arrays.stream(values()).map(HistoryFormat::label).collect(Collectors.joining(", ")) + ")"));
    }
}
