package io.calicogitops.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.diag.Diagnostic;
import io.calicogitops.output.DiagnosticSarif;
import io.calicogitops.output.JsonStyle;
import io.calicogitops.output.OutputFormat;
import io.calicogitops.output.Reporter;
import io.calicogitops.output.Sarif;
import io.calicogitops.policy.LintSarif;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code validate} found: the clusters that rendered, and the errors (input invalid: nothing renders), render
 * warnings and lint findings. Text for people, JSON (schema {@value #SCHEMA}) and SARIF 2.1.0 for CI, where the rules
 * are the validation phases ({@code CG-V-fleet}, {@code CG-V-render}, ...), {@code CG-V-warning} and the lint codes.
 *
 * @param errorPhase what was being checked when the errors were found (empty without errors)
 */
public record ValidateReport(List<Cluster> clusters, List<Diagnostic> errors, String errorPhase, List<Diagnostic> warnings,
                             List<Diagnostic> lint, String toolVersion) {

    public static final String SCHEMA = "calico-gitops/validate/v1";

    public static final Reporter<ValidateReport> REPORTER = Reporter.<ValidateReport>builder("validation")
            .add(OutputFormat.TEXT, ValidateReport::text)
            .add(OutputFormat.JSON, ValidateReport::json)
            .text(OutputFormat.SARIF, ValidateReport::sarif)
            .build();

    /** A cluster that rendered, with its resource count. */
    public record Cluster(String name, int resources) {
    }

    public ValidateReport {
        clusters = List.copyOf(clusters);
        errors = List.copyOf(errors);
        errorPhase = errorPhase == null ? "" : errorPhase;
        warnings = List.copyOf(warnings);
        lint = List.copyOf(lint);
    }

    public boolean valid() {
        return errors.stream().noneMatch(Diagnostic::isError);
    }

    /** The rule of a validation diagnostic: its phase's first word for errors, one rule for render warnings. */
    static Sarif.Rule rule(Diagnostic d, String phase) {
        if (!d.isError()) {
            return new Sarif.Rule("CG-V-warning", "validation/warning", "Rendered, with a warning",
                    "The fleet renders, but something is likely wrong (see the message). Validation: docs/validation.md");
        }
        String word = phase.isBlank() ? "input" : phase.trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
        return new Sarif.Rule("CG-V-" + word, "validation/" + word, "Invalid " + word,
                "Calico (or the fleet's own rules) would refuse this input; nothing is rendered while any error remains. "
                        + "Validation: docs/validation.md");
    }

    private static void text(ValidateReport r, Writer out) throws IOException {
        StringBuilder b = new StringBuilder();
        for (Cluster c : r.clusters) {
            b.append(String.format(Locale.ROOT, "ok  %-20s %4d resources%n", c.name(), c.resources()));
        }
        int resources = r.clusters.stream().mapToInt(Cluster::resources).sum();
        if (r.valid()) {
            b.append(String.format(Locale.ROOT, "valid: %d %s, %d resources, %d %s%n", r.clusters.size(),
                    r.clusters.size() == 1 ? "cluster" : "clusters", resources, r.warnings.size(),
                    r.warnings.size() == 1 ? "warning" : "warnings"));
            b.append(String.format(Locale.ROOT, "lint: %d %s (calico-gitops lint; codes in docs/policy-questions.md)%n",
                    r.lint.size(), r.lint.size() == 1 ? "finding" : "findings"));
        }
        out.write(b.toString().replace("\r\n", "\n"));
    }

    private static void json(ValidateReport r, Writer out) throws IOException {
        ObjectNode root = JsonStyle.MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA);
        root.put("valid", r.valid());
        ArrayNode clusters = root.putArray("clusters");
        r.clusters.forEach(c -> clusters.addObject().put("name", c.name()).put("resources", c.resources()));
        diagnostics(root.putArray("errors"), r.errors);
        diagnostics(root.putArray("warnings"), r.warnings);
        diagnostics(root.putArray("lint"), r.lint);
        out.write(JsonStyle.PRETTY.writeValueAsString(root));
        out.write('\n');
    }

    private static void diagnostics(ArrayNode list, List<Diagnostic> items) {
        items.forEach(d -> LintSarif.addJson(list, d));
    }

    private static String sarif(ValidateReport r) {
        List<Diagnostic> all = new ArrayList<>(r.errors);
        all.addAll(r.warnings);
        all.addAll(r.lint);
        Map<String, Sarif.Rule> known = new TreeMap<>(LintSarif.rules());
        return DiagnosticSarif.write(r.toolVersion, known, all,
                d -> r.lint.contains(d) ? LintSarif.rule(d) : rule(d, r.errorPhase), LintSarif::message);
    }
}
