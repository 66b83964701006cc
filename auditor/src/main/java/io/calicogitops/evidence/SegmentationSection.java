package io.calicogitops.evidence;

import java.util.Optional;

import static io.calicogitops.evidence.Html.escape;
import static io.calicogitops.evidence.Html.link;

/**
 * The segmentation part of {@code index.html}: Git's result and the live state's side by side, and the first
 * counter-examples of a violation with a link to all of them, so a reviewer never sees "holds" without the live answer.
 */
final class SegmentationSection {

    /** How many counter-examples the page lists; the check's text file has every one with its trace. */
    static final int SHOWN = 5;

    private SegmentationSection() {
    }

    static void render(BundleFacts f, StringBuilder b) {
        Optional<CheckResults.Segmentation> git = CheckResults.segmentation(f, BundleLayout.SEGMENTATION);
        if (git.isEmpty()) {
            return;
        }
        Optional<CheckResults.Segmentation> live = CheckResults.segmentation(f, BundleLayout.SEGMENTATION_LIVE);
        b.append("<h2>Segmentation</h2>\n<table class=\"commits checks\">\n<thead><tr><th>Evaluated on</th><th>Result</th>")
                .append("<th>Files</th></tr></thead>\n<tbody>\n");
        row(b, "Git (end commit)", git.get(), BundleLayout.SEGMENTATION_TEXT);
        if (live.isPresent()) {
            row(b, "Live (at export)", live.get(), BundleLayout.SEGMENTATION_LIVE_TEXT);
        } else {
            b.append("<tr><td>Live</td><td>no live state in the bundle: the PCI status is computed from Git only</td><td></td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
        CheckResults.Segmentation shown = live.filter(CheckResults.Segmentation::violated).orElse(git.get());
        if (shown.violated()) {
            String text = shown == git.get() ? BundleLayout.SEGMENTATION_TEXT : BundleLayout.SEGMENTATION_LIVE_TEXT;
            b.append("<p class=\"lead\">").append(shown.counterExamples().size()).append(" counter-examples")
                    .append(shown == git.get() ? " in Git" : " in the live state").append("; the first ")
                    .append(Math.min(SHOWN, shown.counterExamples().size())).append(" (all, with traces: ")
                    .append(link(text, "<code>" + text + "</code>")).append("):</p>\n<ul class=\"sources\">\n");
            shown.counterExamples().stream().limit(SHOWN).forEach(x -> b.append("<li><code>ALLOW ").append(escape(x)).append("</code></li>\n"));
            b.append("</ul>\n");
        }
    }

    private static void row(StringBuilder b, String where, CheckResults.Segmentation s, String text) {
        b.append("<tr><td>").append(where).append("</td><td>")
                .append(s.violated() ? "<span class=\"pill st-not-met\">violated</span> " + s.counterExamples().size() + " counter-examples"
                        : escape(s.words()))
                .append("</td><td>").append(link(s.path(), "<code>" + escape(s.path()) + "</code>"));
        if (s.evaluated()) {
            b.append(" ").append(link(text, "<code>" + escape(text) + "</code>"));
        }
        b.append("</td></tr>\n");
    }
}
