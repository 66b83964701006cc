package io.calicogitops.driftlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.git.BranchCommit;
import io.calicogitops.git.FileChange;
import io.calicogitops.git.RefMove;
import io.calicogitops.signing.SigningKeys;

import java.security.PublicKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
/**
 * Checks a drift log in one pass over the tip's files (in path order, so each cluster's entries arrive together and in
 * seq order) and one pass over the branch history. One problem per broken link: an entry that cannot be trusted
 * breaks the chain after it only once, not at every later entry. Signatures, when a public key is given, are checked
 * entry by entry, and every unsigned or wrongly signed entry is its own problem: a key-less forger has to re-chain
 * every entry, and each of them shows.
 */
final class ChainVerifier {

    private static final String ZERO_ID = "0".repeat(40);

    private final String branch;
    private final Optional<String> folder;
    private final Optional<PublicKey> key;
    private final LogAnchors anchors;
    private long signed;
    private final List<LogProblem> problems = new ArrayList<>();
    private final Map<String, Long> entries = new TreeMap<>();

    private String cluster;
    private long expected;
    private String prevHash;

    ChainVerifier(String branch, VerifyOptions options) {
        this.branch = branch;
        this.folder = options.cluster().map(LogPaths::folder);
        this.key = options.publicKey();
        this.anchors = new LogAnchors(options);
    }

    /** Linear, append-only, and holding every tip the reflog remembers. */
    void checkHistory(List<BranchCommit> history, List<RefMove> reflog, String tip) {
        Map<String, String> recordedIn = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (BranchCommit c : history) {
            ids.add(c.id());
            if (c.parents().size() > 1) {
                problem(branch, LogProblem.Kind.NOT_LINEAR, "commit " + c.shortId() + " merges " + c.parents().size()
                        + " histories: the log must be one line of appends");
            }
            c.paths().forEach((path, type) -> {
                if (folder.isPresent() && !path.startsWith(folder.get() + "/")) {
                    return;
                }
                String first = recordedIn.get(path);
                if (type == FileChange.Type.ADDED) {
                    recordedIn.putIfAbsent(path, c.shortId());
                } else {
                    String verb = type == FileChange.Type.REMOVED ? "deleted" : "changed";
                    problem(path, LogProblem.Kind.REWRITTEN, verb + " in commit " + c.shortId() + " after it was recorded"
                            + (first == null ? "" : " in commit " + first) + ": entries may only be added");
                }
            });
        }
        List<RefMove> lost = reflog.stream().filter(m -> !m.to().equals(ZERO_ID) && !ids.contains(m.to())).toList();
        if (!lost.isEmpty()) {
            RefMove last = lost.get(lost.size() - 1);
            problem(branch, LogProblem.Kind.HISTORY_REWRITTEN, "the branch was rewritten: commit " + last.to().substring(0, 12)
                    + ", its tip at " + last.when() + " according to the reflog, is no longer in its history"
                    + (lost.size() > 1 ? " (" + lost.size() + " earlier tips are missing)" : ""));
        } else if (!reflog.isEmpty() && !reflog.get(reflog.size() - 1).to().equals(tip)) {
            problem(branch, LogProblem.Kind.HISTORY_REWRITTEN, "the branch points at " + tip.substring(0, 12)
                    + " but its reflog last recorded " + reflog.get(reflog.size() - 1).to().substring(0, 12)
                    + ": it was moved without Git");
        }
    }

    /** One file of the tip, in path order. */
    void checkFile(String path, byte[] bytes) {
        Optional<LogPaths.Parsed> at = LogPaths.parse(path);
        if (at.isEmpty()) {
            problem(path, LogProblem.Kind.UNREADABLE, "not a drift-log entry path (expected log/<cluster>/<9-digit seq>.json)");
            return;
        }
        long seq = at.get().seq();
        if (!at.get().cluster().equals(cluster)) {
            cluster = at.get().cluster();
            expected = 1;
            prevHash = LogEntryJson.GENESIS;
        }
        entries.merge(cluster, 1L, Long::sum);
        String link = prevHash;
        long expectedSeq = expected;
        expected = seq + 1;
        // Unknown until this entry proves trustworthy: the next entry's link is then not checked, not reported twice.
        prevHash = null;
        ObjectNode node;
        LogEntry entry;
        try {
            node = LogEntryJson.parse(bytes);
            entry = LogEntryJson.fromJson(node);
        } catch (IllegalArgumentException e) {
            anchors.entry(cluster, seq, null);
            problem(path, LogProblem.Kind.UNREADABLE, "not a drift-log entry: " + e.getMessage());
            return;
        }
        anchors.entry(cluster, seq, entry.hash());
        entry.signature().ifPresent(s -> signed++);
        key.ifPresent(k -> checkSignature(path, node, entry, k));
        if (entry.seq() != seq || !entry.cluster().equals(cluster)) {
            problem(path, LogProblem.Kind.MISPLACED, "holds entry " + entry.seq() + " of " + entry.cluster()
                    + ": entries were moved, swapped or renamed");
            return;
        }
        if (!LogEntryJson.hashOf(node).equals(entry.hash())) {
            problem(path, LogProblem.Kind.HASH_MISMATCH, "hash mismatch: entry was edited after it was recorded");
        }
        if (seq > expectedSeq) {
            String missing = seq - expectedSeq == 1 ? "entry " + expectedSeq : "entries " + expectedSeq + "-" + (seq - 1);
            problem(path, LogProblem.Kind.SEQ_GAP, expectedSeq == 1 ? "missing " + missing + " (the chain starts at " + seq + ")"
                    : "missing " + missing + " (seq jumps " + (expectedSeq - 1) + " -> " + seq + ")");
        } else if (link != null && !link.equals(entry.prev())) {
            problem(path, LogProblem.Kind.PREV_MISMATCH, seq == 1 ? "entry 1 does not start the chain (prev is not 64 zeros)"
                    : "entry " + seq + " does not follow entry " + (seq - 1) + " (prev hash mismatch)");
        } else if (entry.prevSeq().isPresent() && entry.prevSeq().getAsLong() != seq - 1) {
            problem(path, LogProblem.Kind.PREV_MISMATCH, "entry " + seq + " says it follows entry "
                    + entry.prevSeq().getAsLong() + " (prevSeq), not entry " + (seq - 1));
        }
        prevHash = entry.hash();
    }

    private void checkSignature(String path, ObjectNode node, LogEntry entry, PublicKey publicKey) {
        if (entry.signature().isEmpty()) {
            problem(path, LogProblem.Kind.UNSIGNED, "entry " + entry.seq() + " is not signed: recorded without the key"
                    + " (or before signing was set up), or forged");
        } else if (!SigningKeys.verify(publicKey, LogEntryJson.signedBytes(node), entry.signature().get())) {
            problem(path, LogProblem.Kind.BAD_SIGNATURE, "entry " + entry.seq() + " has a signature that does not match the"
                    + " public key: edited after it was signed, or signed with another key");
        }
    }

    VerifyResult result(Optional<String> tip, int commits) {
        problems.addAll(anchors.problems());
        List<LogProblem> sorted = new ArrayList<>(problems);
        // Stable: within one path, problems keep the order they were found in (history, then content).
        sorted.sort(Comparator.comparing((LogProblem p) -> !p.where().equals(branch)).thenComparing(LogProblem::where));
        return new VerifyResult(tip, commits, new TreeMap<>(entries), sorted, key.isPresent(), signed);
    }

    private void problem(String where, LogProblem.Kind kind, String message) {
        problems.add(new LogProblem(where, kind, message));
    }
}
