package io.calicogitops.report;

import java.util.Arrays;
import java.util.List;

/**
 * The one way a CSV line is written (history {@code summary.csv} and {@code drift-spans.csv}, the connectivity
 * matrix): RFC 4180 quoting, and text cells that a spreadsheet would run as a formula are neutralised. A text cell
 * starting with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return gets a leading {@code '} and is
 * quoted, as OWASP's "CSV Injection" page recommends: commit authors, resource names and sentences come from people
 * and clusters, and auditors open these files in spreadsheets. Numbers are passed as {@link Number} and written
 * as they are, so a negative count or duration keeps its sign and stays a number; only text is neutralised.
 */
public final class CsvLine {

    private CsvLine() {
    }

    /** One line, ending in {@code \n}: {@link Number} cells as numbers, everything else as text. */
    public static String of(Object... cells) {
        return of(Arrays.asList(cells));
    }

    /** As {@link #of(Object...)}. */
    public static String of(List<?> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            Object c = cells.get(i);
            b.append(i == 0 ? "" : ",").append(c instanceof Number n ? n.toString() : text(c == null ? "" : c.toString()));
        }
        return b.append('\n').toString();
    }

    /** A text cell: neutralised when a spreadsheet would read it as a formula, quoted when needed. */
    public static String text(String s) {
        boolean formula = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
        String value = formula ? "'" + s : s;
        return formula || value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
