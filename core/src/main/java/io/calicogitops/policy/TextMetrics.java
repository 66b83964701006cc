package io.calicogitops.policy;

/**
 * A conservative width of a line of text in a generic sans-serif font, so that the diagram can size boxes without a
 * font at hand: Helvetica's advance widths (Adobe's AFM, in 1/1000 em) for printable ASCII, one em for anything else,
 * times a margin that covers the wider common fallbacks (DejaVu Sans is about 12% wider than Helvetica), and 10%
 * more for bold. The geometry test measures the SVG with this same estimate.
 */
final class TextMetrics {

    /** Helvetica widths for ' ' (32) .. '~' (126). */
    private static final short[] WIDTHS = {
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    };
    private static final double FALLBACK_MARGIN = 1.15;
    private static final double BOLD = 1.10;

    /** The distance from one baseline to the next, as a multiple of the font size. */
    static final double LINE_HEIGHT = 1.3;
    /** How far glyphs reach above the baseline (ascent) and below it (descent), as multiples of the font size. */
    static final double ASCENT = 0.95;
    static final double DESCENT = 0.25;

    private TextMetrics() {
    }

    static double width(String text, double fontSize, boolean bold) {
        double ems = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            ems += cp >= 32 && cp <= 126 ? WIDTHS[cp - 32] / 1000.0 : 1.0;
            i += Character.charCount(cp);
        }
        return ems * fontSize * FALLBACK_MARGIN * (bold ? BOLD : 1.0);
    }
}
