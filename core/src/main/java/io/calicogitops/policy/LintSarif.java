package io.calicogitops.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.diag.Diagnostic;
import io.calicogitops.output.Sarif;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lint catalogue as SARIF rules, the code of a finding (the linter puts it before its message), a finding as JSON. */
public final class LintSarif {

    private static final Pattern CODE = Pattern.compile("^(CG-L\\d{3}): (.*)$", Pattern.DOTALL);

    private LintSarif() {
    }

    /** Every code, found or not, so rule indexes stay the same from run to run. */
    public static Map<String, Sarif.Rule> rules() {
        Map<String, Sarif.Rule> rules = new TreeMap<>();
        for (LintCode c : LintCode.values()) {
            rules.put(c.code(), new Sarif.Rule(c.code(), c.name(), c.description(),
                    c.description() + ". Codes and fixes: docs/policy-questions.md#lint"));
        }
        return rules;
    }

    /** The rule of a lint finding: its code's, or a generic one for a warning without a code. */
    public static Sarif.Rule rule(Diagnostic d) {
        String code = code(d);
        return code.isEmpty() ? new Sarif.Rule("CG-L000", "lint", "Lint finding", "Lint finding")
                : rules().getOrDefault(code, new Sarif.Rule(code, code, code, code));
    }

    /** The stable code of a finding ({@code CG-L003}), or empty. */
    public static String code(Diagnostic d) {
        Matcher m = CODE.matcher(d.message());
        return m.matches() ? m.group(1) : "";
    }

    /**
     * One finding as the JSON reports list it ({@code lint -o json}, {@code validate -o json}): its code when it has
     * one, severity, file, line, column, the message without the code, and the hint when there is one.
     */
    public static void addJson(ArrayNode list, Diagnostic d) {
        ObjectNode n = list.addObject();
        String code = code(d);
        if (!code.isEmpty()) {
            n.put("code", code);
        }
        n.put("severity", d.severity().label());
        n.put("file", d.location().file());
        n.put("line", d.location().line());
        n.put("column", d.location().column());
        n.put("message", message(d));
        if (d.hint() != null) {
            n.put("hint", d.hint());
        }
    }

    /** The message without its code. */
    public static String message(Diagnostic d) {
        Matcher m = CODE.matcher(d.message());
        return m.matches() ? m.group(2) : d.message();
    }
}
