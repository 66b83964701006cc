package io.calicogitops.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a staged policy becomes the enforced one: the profile value that switches its pack from rendering the
 * {@code Staged*} kind to the enforced kind. A pack declares it with a comment line in the template that renders
 * the policy, e.g. {@code # promote: default-deny /defaultDeny/mode=enforced} (policy name, JSON pointer into the
 * profile, value). Comments never reach the rendered output, so the line only informs {@code promote}.
 */
public final class Promotions {

    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*promote:\\s*(\\S+)\\s+(/\\S+)=(\\S+)\\s*$");

    /** One declared promotion, with the template line that declares it. */
    public record Promotion(String policy, String pointer, String value, String template, int line) {
    }

    private Promotions() {
    }

    /** Every promotion the templates declare, in template path and line order. */
    public static List<Promotion> find(TemplateLibrary templates) {
        List<Promotion> found = new ArrayList<>();
        for (TemplateFile f : templates.files().values()) {
            if (!f.isTemplate()) {
                continue;
            }
            List<String> lines = f.text().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = DIRECTIVE.matcher(lines.get(i).strip());
                if (m.matches()) {
                    found.add(new Promotion(m.group(1), m.group(2), m.group(3), f.displayPath(), i + 1));
                }
            }
        }
        return List.copyOf(found);
    }
}
