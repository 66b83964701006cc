package io.calicogitops.history;

import io.calicogitops.diag.GitAccessException;
import io.calicogitops.diag.InvalidValueException;
import io.calicogitops.git.GitRepo;
import io.calicogitops.progress.Progress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What happened to a cluster's Calico resources, commit by commit: walks the first-parent history of a ref for commits
 * that changed {@code clusters/<name>/} (every cluster when none is named) in an interval, reads only the files each
 * one changed, and describes every resource created, modified, deleted, promoted or demoted with the auditor's change
 * sentences; then adds the drift timeline. Commits that changed only {@code kustomization.yaml}, {@code README.md} or
 * other non-resource files are left out.
 */
public final class History {

    private final DriftTimelineSource drift;
    private final boolean cached;

    public History() {
        this(DriftTimelineSource.none());
    }

    public History(DriftTimelineSource drift) {
        this(drift, true);
    }

    /**
     * {@code cached}: keep what each walk analysed in the repository's Git folder and start from it next time
     * ({@link AnalysisCache}); the report is the same either way.
     */
    public History(DriftTimelineSource drift, boolean cached) {
        this.drift = drift;
        this.cached = cached;
    }

    public HistoryReport walk(HistoryRequest request) {
        return walk(request, Progress.none());
    }

    /** The walk, counting the commits that touched the folder on {@code progress}. */
    public HistoryReport walk(HistoryRequest request, Progress progress) {
        try (GitRepo git = GitRepo.open(request.repo())) {
            return walk(git, request, progress);
        }
    }

    /** The walk on a repository the caller holds open (tests count its blob reads). */
    public HistoryReport walk(GitRepo git, HistoryRequest request) {
        return walk(git, request, Progress.none());
    }

    private HistoryReport walk(GitRepo git, HistoryRequest request, Progress progress) {
        request.cluster().ifPresent(History::checkClusterName);
        Optional<String> head = git.commitId(request.ref());
        if (head.isEmpty() && !request.ref().equals("HEAD")) {
            throw new GitAccessException("ref '" + request.ref() + "' does not name a commit in " + request.repo());
        }
        String prefix = request.cluster().map(c -> ClusterFile.ROOT + "/" + c).orElse(ClusterFile.ROOT);
        // The drift timeline first: its source checks the cluster name as the drift log does, and a name it refuses
        // must stop the run before the walk has read a commit or stored anything in the cache.
        DriftTimelineView timeline = drift.timeline(git, request.cluster(), request.interval());
        List<HistoryCommit> commits = new ArrayList<>();
        List<List<String>> warnings = new ArrayList<>();
        if (head.isPresent()) {
            AnalysisCache store = cached ? AnalysisCache.in(git.gitDirectory(), prefix) : AnalysisCache.none(prefix);
            CachedWalk cachedWalk = new CachedWalk(git, store, request.interval());
            try (Progress.Task task = progress.start("history", "commits", -1)) {
                cachedWalk.walk(head.get(), r -> {
                    if (!r.commit().changes().isEmpty()) {
                        commits.add(r.commit());
                    }
                    warnings.add(r.warnings());
                    task.advance();
                });
            }
        }
        // The walk goes from the newest commit back; reports read oldest first, like a timeline.
        Collections.reverse(commits);
        Collections.reverse(warnings);
        return new HistoryReport(request.ref(), head, request.cluster(), request.interval(), commits,
                timeline,
                warnings.stream().flatMap(List::stream).toList());
    }

    /** A cluster name is one folder name: a path would walk something other than a cluster folder. */
    private static void checkClusterName(String cluster) {
        if (cluster.contains("/") || cluster.contains("\\") || cluster.equals(".") || cluster.equals("..")) {
            throw new InvalidValueException("cluster", "'" + cluster + "' is not a cluster name (the folder name under clusters/)");
        }
    }
}
