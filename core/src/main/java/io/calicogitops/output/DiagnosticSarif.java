package io.calicogitops.output;

import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.SourceLocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * SARIF of compiler-style diagnostics: each finding's rule is chosen by the caller (a lint code, a validation
 * category); the rules listed are those the caller knows plus any a result names.
 */
public final class DiagnosticSarif {

    private DiagnosticSarif() {
    }

    /**
     * @param known  rules to list even without a result (a linter's whole catalogue), by id
     * @param ruleOf the rule of one diagnostic; an id not in {@code known} is listed with the id as its description
     * @param text   the message of one diagnostic as SARIF shows it (e.g. without a code the rule already names)
     */
    public static String write(String toolVersion, Map<String, Sarif.Rule> known, List<Diagnostic> diagnostics,
                               Function<Diagnostic, Sarif.Rule> ruleOf, Function<Diagnostic, String> text) {
        Map<String, Sarif.Rule> rules = new TreeMap<>(known);
        List<Sarif.Result> results = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            Sarif.Rule rule = ruleOf.apply(d);
            rules.putIfAbsent(rule.id(), rule);
            SourceLocation at = d.location();
            String message = text.apply(d) + (d.hint() == null ? "" : "\nhint: " + d.hint());
            results.add(new Sarif.Result(rule.id(), d.isError() ? Sarif.Level.ERROR : Sarif.Level.WARNING, message,
                    at.file(), at.line(), at.column()));
        }
        return Sarif.write(toolVersion, List.copyOf(rules.values()), results);
    }
}
