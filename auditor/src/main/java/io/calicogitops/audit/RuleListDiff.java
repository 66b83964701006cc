package io.calicogitops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compares two ordered rule lists: a pure reorder is named as such; otherwise rules are aligned by longest common
 * subsequence, rules changed in place are described field by field, and the rest as added or missing.
 */
final class RuleListDiff {

    private RuleListDiff() {
    }

    static void describe(String ptr, JsonNode a, JsonNode b, List<Change> out, Severities sev, Sides sides) {
        List<JsonNode> as = list(a);
        List<JsonNode> bs = list(b);
        String dir = ptr.substring(ptr.lastIndexOf('/') + 1);
        if (as.size() == bs.size() && sameMultiset(as, bs)) {
            List<Integer> order = new ArrayList<>();
            List<Boolean> used = new ArrayList<>(java.util.Collections.nCopies(as.size(), false));
            for (JsonNode r : bs) {
                for (int i = 0; i < as.size(); i++) {
                    if (!used.get(i) && as.get(i).equals(r)) {
                        used.set(i, true);
                        order.add(i + 1);
                        break;
                    }
                }
            }
            out.add(new Change(ptr, dir + " rules reordered: " + sides.from() + " has rules in order 1.." + as.size()
                    + ", " + sides.to() + " in order " + order.stream().map(String::valueOf).collect(Collectors.joining(", ")),
                    swapsActions(as, order) ? DriftSeverity.CRITICAL : DriftSeverity.WARNING));
            return;
        }
        int[][] lcs = new int[as.size() + 1][bs.size() + 1];
        for (int i = as.size() - 1; i >= 0; i--) {
            for (int j = bs.size() - 1; j >= 0; j--) {
                lcs[i][j] = as.get(i).equals(bs.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        List<Integer> removed = new ArrayList<>();
        List<Integer> added = new ArrayList<>();
        while (i < as.size() || j < bs.size()) {
            if (i < as.size() && j < bs.size() && as.get(i).equals(bs.get(j))) {
                flush(ptr, dir, as, bs, removed, added, out, sev, sides);
                i++;
                j++;
            } else if (j < bs.size() && (i == as.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                added.add(j++);
            } else {
                removed.add(i++);
            }
        }
        flush(ptr, dir, as, bs, removed, added, out, sev, sides);
    }

    /**
     * Whether two rules with different actions changed their relative order: only then can a packet that matches
     * both meet a different verdict first. Rules with one action may swap without changing any verdict.
     */
    private static boolean swapsActions(List<JsonNode> git, List<Integer> clusterOrder) {
        for (int p = 0; p < clusterOrder.size(); p++) {
            for (int q = p + 1; q < clusterOrder.size(); q++) {
                JsonNode later = git.get(clusterOrder.get(p) - 1);
                JsonNode earlier = git.get(clusterOrder.get(q) - 1);
                if (clusterOrder.get(p) > clusterOrder.get(q)
                        && !later.path("action").asText().equals(earlier.path("action").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A gap between aligned rules: pair removed and added rules as in-place changes, the rest are missing or extra. */
    private static void flush(String ptr, String dir, List<JsonNode> as, List<JsonNode> bs, List<Integer> removed,
                              List<Integer> added, List<Change> out, Severities sev, Sides sides) {
        int pairs = Math.min(removed.size(), added.size());
        for (int k = 0; k < pairs; k++) {
            int ai = removed.get(k);
            ChangeSentences.walk(ptr + "/" + ai, as.get(ai), bs.get(added.get(k)), out, sev, sides);
        }
        for (int k = pairs; k < removed.size(); k++) {
            int ai = removed.get(k);
            out.add(new Change(ptr + "/" + ai, dir + " rule " + (ai + 1) + " is missing: " + summary(as.get(ai)),
                    sev.ruleRemoved(as.get(ai))));
        }
        for (int k = pairs; k < added.size(); k++) {
            int bi = added.get(k);
            out.add(new Change(ptr + "/" + bi, dir + " rule " + (bi + 1) + " is extra: " + summary(bs.get(bi)),
                    sev.ruleAdded(bs.get(bi))));
        }
        removed.clear();
        added.clear();
    }

    /** {@code Allow UDP to selector k8s-app == "kube-dns" ports 53}: a rule in one line. */
    static String summary(JsonNode rule) {
        StringBuilder s = new StringBuilder(rule.path("action").asText("?"));
        if (rule.has("protocol")) {
            s.append(' ').append(rule.get("protocol").asText());
        }
        appendEntity(s, " from", rule.path("source"));
        appendEntity(s, " to", rule.path("destination"));
        return s.toString();
    }

    private static void appendEntity(StringBuilder s, String word, JsonNode e) {
        if (!e.isObject() || e.isEmpty()) {
            return;
        }
        s.append(word);
        e.fieldNames().forEachRemaining(f -> {
            JsonNode v = e.get(f);
            s.append(' ').append(f).append(' ').append(v.isTextual() ? v.asText() : ChangeSentences.show(v));
        });
    }

    private static List<JsonNode> list(JsonNode n) {
        List<JsonNode> l = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(l::add);
        }
        return l;
    }

    private static boolean sameMultiset(List<JsonNode> as, List<JsonNode> bs) {
        List<String> x = as.stream().map(JsonNode::toString).sorted().toList();
        List<String> y = bs.stream().map(JsonNode::toString).sorted().toList();
        return x.equals(y) && !as.equals(bs);
    }

    static JsonNode empty() {
        return JsonNodeFactory.instance.arrayNode();
    }
}
