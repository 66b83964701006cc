package io.calicogitops.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A SARIF 2.1.0 log with one run, as GitHub code scanning, GitLab and IDEs read it (conftest, kubescape and checkov
 * write the same): the tool with its rules, then one result per finding with its file, line and column relative to the
 * repository root ({@code %SRCROOT%}). Deterministic: rules sorted by id, results in the order given, no timestamps.
 */
public final class Sarif {

    public static final String VERSION = "2.1.0";
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    /** A rule: a stable id ({@code CG-L003}), a short name, one sentence, and help text. */
    public record Rule(String id, String name, String description, String help) {
        public Rule {
            Objects.requireNonNull(id, "id");
            name = name == null ? id : name;
            description = description == null ? id : description;
            help = help == null ? description : help;
        }
    }

    /** SARIF's levels. */
    public enum Level {
        ERROR, WARNING, NOTE;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One finding. {@code file} is relative to the repository root with '/' separators, or null for a finding with no
     * place in a file; {@code line} and {@code column} are 1-based, 0 when unknown.
     */
    public record Result(String ruleId, Level level, String message, String file, int line, int column) {
        public Result {
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(message, "message");
        }
    }

    private Sarif() {
    }

    /** The whole log as pretty-printed JSON ending in a newline. */
    public static String write(String toolVersion, List<Rule> rules, List<Result> results) {
        ObjectNode root = JsonStyle.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", VERSION);
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "calico-gitops");
        driver.put("version", toolVersion);
        Map<String, Rule> sorted = new TreeMap<>();
        rules.forEach(r -> sorted.putIfAbsent(r.id(), r));
        ArrayNode ruleNodes = driver.putArray("rules");
        Map<String, Integer> index = new TreeMap<>();
        for (Rule r : sorted.values()) {
            index.put(r.id(), index.size());
            ObjectNode n = ruleNodes.addObject();
            n.put("id", r.id());
            n.put("name", r.name());
            n.putObject("shortDescription").put("text", r.description());
            n.putObject("help").put("text", r.help());
        }
        ArrayNode resultNodes = run.putArray("results");
        for (Result r : results) {
            ObjectNode n = resultNodes.addObject();
            n.put("ruleId", r.ruleId());
            Integer i = index.get(r.ruleId());
            if (i == null) {
                throw new IllegalArgumentException("result names rule " + r.ruleId() + ", which is not among the rules");
            }
            n.put("ruleIndex", i);
            n.put("level", r.level().json());
            n.putObject("message").put("text", r.message());
            if (r.file() != null && !r.file().isEmpty()) {
                ObjectNode physical = n.putArray("locations").addObject().putObject("physicalLocation");
                physical.putObject("artifactLocation").put("uri", r.file().replace('\\', '/')).put("uriBaseId", "%SRCROOT%");
                if (r.line() > 0) {
                    ObjectNode region = physical.putObject("region").put("startLine", r.line());
                    if (r.column() > 0) {
                        region.put("startColumn", r.column());
                    }
                }
            }
        }
        try {
            return JsonStyle.PRETTY.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of strings and numbers always serialises
        }
    }
}
