package io.calicogitops.diag;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" candidates by edit distance, for misspelt field names, enum values and kinds. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidates close to {@code typed}, nearest first, at most {@code limit}. Close means equal ignoring case, or
     * within an edit distance of a third of the word (at least 1, at most 3).
     */
    public static List<String> closest(String typed, Collection<String> candidates, int limit) {
        String t = typed.toLowerCase(Locale.ROOT);
        int max = Math.max(1, Math.min(3, typed.length() / 3));
        return candidates.stream()
                .distinct()
                .filter(c -> !c.equals(typed))
                .filter(c -> distance(t, c.toLowerCase(Locale.ROOT)) <= max)
                .sorted(Comparator.comparingInt((String c) -> distance(t, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(limit)
                .toList();
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }

    /** {@code 'a'}, {@code 'a' or 'b'}, {@code 'a', 'b' or 'c'}. */
    public static String orList(List<String> items) {
        return joinQuoted(items, " or ");
    }

    /** {@code 'a'}, {@code 'a' and 'b'}, {@code 'a', 'b' and 'c'}. */
    public static String andList(List<String> items) {
        return joinQuoted(items, " and ");
    }

    private static String joinQuoted(List<String> items, String last) {
        return join(items.stream().map(s -> "'" + s + "'").toList(), last);
    }

    /** {@code a}, {@code a<last>b}, {@code a, b<last>c}, items used as given. */
    public static String join(List<String> items, String last) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
    }
}
