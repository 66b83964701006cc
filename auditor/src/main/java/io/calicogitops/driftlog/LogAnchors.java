package io.calicogitops.driftlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checks a hash chain cannot make on its own: that the newest entries are still there. A chain cut back to an older
 * entry, or re-forged as a whole, is internally consistent; only something kept outside the log tells: a minimum count
 * the user expects, or a signed checkpoint of an entry seen earlier. Fed each entry's seq and stored hash while
 * {@link ChainVerifier} reads the tip.
 */
final class LogAnchors {

    private final VerifyOptions options;
    private final Map<String, Long> newest = new TreeMap<>();
    /** Stored hash of each entry a checkpoint names, keyed by its path. */
    private final Map<String, String> seen = new HashMap<>();

    LogAnchors(VerifyOptions options) {
        this.options = options;
    }

    /** One entry of the tip, {@code hash} as stored ({@code null} when the entry could not be read). */
    void entry(String cluster, long seq, String hash) {
        newest.merge(cluster, seq, Math::max);
        seen.put(LogPaths.of(cluster, seq), hash == null ? "unreadable" : hash);
    }

    List<LogProblem> problems() {
        List<LogProblem> out = new ArrayList<>();
        options.expectAtLeast().ifPresent(min -> {
            Map<String, Long> scope = new TreeMap<>(newest);
            options.cluster().ifPresent(c -> scope.putIfAbsent(c, 0L));
            scope.forEach((cluster, last) -> {
                if (last < min) {
                    out.add(new LogProblem(LogPaths.of(cluster, last + 1), LogProblem.Kind.TRUNCATED, "missing: at least "
                            + min + (min == 1 ? " entry" : " entries") + " of " + cluster + " expected, " + ends(cluster)));
                }
            });
        });
        options.checkpoints().forEach((name, c) -> {
            String path = LogPaths.of(c.cluster(), c.seq());
            if (!c.signedBy(options.publicKey().orElseThrow())) {
                out.add(new LogProblem(name, LogProblem.Kind.CHECKPOINT_INVALID, "the checkpoint's signature does not match the"
                        + " public key: it was altered, or signed with another key"));
            } else if (!seen.containsKey(path)) {
                out.add(new LogProblem(path, LogProblem.Kind.TRUNCATED, "missing: checkpoint " + name + " vouches for entry "
                        + c.seq() + " of " + c.cluster() + " (hash " + c.hash().substring(0, Math.min(12, c.hash().length()))
                        + ", " + c.time() + "), " + ends(c.cluster())));
            } else if (!seen.get(path).equals(c.hash())) {
                out.add(new LogProblem(path, LogProblem.Kind.CHECKPOINT_MISMATCH, "differs from checkpoint " + name
                        + ": recorded with hash " + c.hash().substring(0, Math.min(12, c.hash().length())) + ", now "
                        + seen.get(path).substring(0, Math.min(12, seen.get(path).length()))
                        + ": this entry or one before it was rewritten"));
            }
        });
        return out;
    }

    private String ends(String cluster) {
        Long last = newest.get(cluster);
        return last == null ? "but the log has no entry of " + cluster : "but the log of " + cluster + " ends at entry " + last;
    }
}
