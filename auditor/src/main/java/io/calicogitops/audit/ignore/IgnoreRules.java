package io.calicogitops.audit.ignore;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.yaml.MappingReader;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** The ignore file: accepted differences, each with an owner, a reason and an expiry date. */
public record IgnoreRules(List<IgnoreRule> rules) {

    public IgnoreRules {
        rules = List.copyOf(rules);
    }

    public static IgnoreRules none() {
        return new IgnoreRules(List.of());
    }

    /**
     * Reads {@code ignore: [{kind, namespace, name, pointer, owner, reason, expires}]}; owner, reason and expires are
     * required so that every exception is accountable and ends.
     */
    public static IgnoreRules load(Path file, String display) {
        Diagnostics diagnostics = new Diagnostics();
        List<YamlDocument> docs = new YamlReader().readFile(file, display, diagnostics);
        diagnostics.throwIfErrors("ignore rules");
        if (docs.isEmpty()) {
            return none();
        }
        MappingReader root = MappingReader.root(docs.get(0).body(), docs.get(0).locations(), diagnostics);
        root.rejectUnknownKeys(Set.of("ignore"));
        List<IgnoreRule> rules = root.objects("ignore", List.of(), r -> {
            r.rejectUnknownKeys(Set.of("kind", "namespace", "name", "pointer", "owner", "reason", "expires"));
            String owner = r.string("owner", null);
            String reason = r.string("reason", null);
            String expires = r.string("expires", null);
            for (String key : List.of("owner", "reason", "expires")) {
                if (!r.has(key)) {
                    r.diagnostics().error(r.here(), r.pathOf(key) + ": required",
                            "every ignore rule names an owner, a reason and an expiry date (YYYY-MM-DD)");
                }
            }
            String pointer = r.string("pointer", "");
            if (!pointer.isEmpty() && !pointer.startsWith("/")) {
                r.error("pointer", "a JSON pointer starts with '/' (e.g. /spec/order)");
            }
            LocalDate until = null;
            if (expires != null) {
                try {
                    until = LocalDate.parse(expires);
                } catch (DateTimeParseException e) {
                    r.error("expires", "expected a date YYYY-MM-DD (got '" + expires + "')");
                }
            }
            if (owner == null || reason == null || until == null) {
                return null;
            }
            SourceLocation at = r.here();
            return new IgnoreRule(r.string("kind", "*"), r.string("namespace", "*"), r.string("name", "*"), pointer,
                    owner, reason, until, at);
        });
        diagnostics.throwIfErrors("ignore rules");
        return new IgnoreRules(rules);
    }
}
