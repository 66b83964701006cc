package io.calicogitops.history;

import io.calicogitops.git.FirstParentVisitor;
import io.calicogitops.git.GitRepo;
import io.calicogitops.git.PathCommit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The first-parent walk of one folder that takes what earlier walks stored ({@link AnalysisCache}) and reads Git only
 * for the commits they did not cover: a repeated walk reads one file, a walk from a newer commit compares and analyses
 * only the commits since. Commits are handed on newest first with the interval applied exactly as a walk of Git alone
 * applies it (commits after {@code until} are passed by, the walk ends at the first commit before {@code since}),
 * because what is stored is every commit unfiltered. Afterwards the stretch walked is stored for the next walk.
 */
final class CachedWalk {

    private record Hit(CacheSegment segment, int position) {
    }

    private final GitRepo git;
    private CommitAnalyser analyser;
    private final AnalysisCache cache;
    private final Interval interval;
    private final List<CacheSegment> loaded = new ArrayList<>();
    private final Map<String, Hit> known = new HashMap<>();
    private final List<WalkStep> walked = new ArrayList<>();
    private boolean allLoaded;
    private boolean learnt;
    private boolean ended;
    private String endedAt;

    CachedWalk(GitRepo git, AnalysisCache cache, Interval interval) {
        this.git = git;
        this.cache = cache;
        this.interval = interval;
    }

    /** Walks back from {@code head}, handing each analysed commit in the interval to {@code visitor}, newest first. */
    void walk(String head, Consumer<CommitAnalyser.Result> visitor) {
        if (cache.tips().contains(head)) {
            // The common repeated walk: the segment of this very commit, and nothing else to read.
            cache.read(head).ifPresent(this::index);
        }
        String at = head;
        while (at != null && !ended) {
            Hit hit = find(at);
            at = hit != null ? replay(hit, visitor) : live(at, visitor);
        }
        if (learnt && !walked.isEmpty()) {
            Optional<String> next = Optional.ofNullable(ended ? endedAt : at);
            cache.write(new CacheSegment(cache.prefix(), walked, next), loaded);
        }
    }

    /** Hands on the stored steps from the hit; the commit after the segment, or null when the walk ends in it. */
    private String replay(Hit hit, Consumer<CommitAnalyser.Result> visitor) {
        List<WalkStep> steps = hit.segment().steps();
        for (int i = hit.position(); i < steps.size(); i++) {
            if (!take(steps.get(i), visitor)) {
                return null;
            }
        }
        return hit.segment().next().orElse(null);
    }

    /** Walks Git from {@code start} until a stored commit (returned), the root (null) or the start of the interval. */
    private String live(String start, Consumer<CommitAnalyser.Result> visitor) {
        String[] stop = {null};
        git.walkFirstParent(start, cache.prefix(), new FirstParentVisitor() {
            @Override
            public Action before(String id, Instant time) {
                if (!id.equals(start) && find(id) != null) {
                    stop[0] = id;
                    return Action.STOP;
                }
                if (interval.since().isPresent() && time.isBefore(interval.since().get())) {
                    ended = true;
                    endedAt = id;
                    return Action.STOP;
                }
                // Before anything is stored, commits after the interval need no reading (as a walk without cache);
                // once a stretch has begun it stays unbroken, so later commits are analysed whatever their time.
                boolean after = interval.until().isPresent() && time.isAfter(interval.until().get());
                return after && walked.isEmpty() ? Action.SKIP : Action.COMPARE;
            }

            @Override
            public void compared(String id, Instant time, PathCommit changed) {
                learnt = true;
                take(new WalkStep(id, time, changed == null ? null : analyser().analyse(changed)), visitor);
            }
        });
        return stop[0];
    }

    /** Made on first use: a walk that finds everything stored needs no YAML reader or normaliser. */
    private CommitAnalyser analyser() {
        if (analyser == null) {
            analyser = new CommitAnalyser(git);
        }
        return analyser;
    }

    /** One step in walk order: ends the walk before a commit older than the interval; false then. */
    private boolean take(WalkStep step, Consumer<CommitAnalyser.Result> visitor) {
        if (interval.since().isPresent() && step.time().isBefore(interval.since().get())) {
            ended = true;
            endedAt = step.id();
            return false;
        }
        walked.add(step);
        if (step.touched() && interval.until().map(u -> !step.time().isAfter(u)).orElse(true)) {
            visitor.accept(step.result());
        }
        return true;
    }

    /** Where a commit is stored, reading every stored segment of the folder the first time one is not found at hand. */
    private Hit find(String id) {
        Hit hit = known.get(id);
        if (hit == null && !allLoaded) {
            allLoaded = true;
            for (String tip : cache.tips()) {
                if (loaded.stream().noneMatch(s -> s.tip().equals(tip))) {
                    cache.read(tip).ifPresent(this::index);
                }
            }
            hit = known.get(id);
        }
        return hit;
    }

    private void index(CacheSegment segment) {
        loaded.add(segment);
        List<WalkStep> steps = segment.steps();
        for (int i = 0; i < steps.size(); i++) {
            known.putIfAbsent(steps.get(i).id(), new Hit(segment, i));
        }
    }
}
