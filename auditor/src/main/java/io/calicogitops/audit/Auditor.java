package io.calicogitops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.calicogitops.audit.ignore.IgnoreRule;
import io.calicogitops.audit.normalise.GeneratedObjects;
import io.calicogitops.diag.GitAccessException;
import io.calicogitops.git.GitRepo;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.calicogitops.progress.Progress;
import io.calicogitops.validate.CalicoTarget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares what Git says a cluster should run with what it runs: reads the desired state at a ref, the live state of
 * every Calico kind and every kind the repo uses, normalises both the way Calico would, and reports each resource as
 * in sync, modified (with patch, sentences and severity), missing, unmanaged or ignored.
 */
public final class Auditor {

    private final Differ differ = Differ.standard();

    public AuditReport audit(AuditRequest request) {
        return audit(request, Progress.none());
    }

    /** The audit, counting the desired files read on {@code progress}. */
    public AuditReport audit(AuditRequest request, Progress progress) {
        DesiredState desired;
        try (GitRepo git = GitRepo.open(request.repo())) {
            String commit = git.commitId(request.ref())
                    .orElseThrow(() -> new GitAccessException("ref '" + request.ref() + "' does not name a commit in " + request.repo()));
            desired = DesiredState.read(git, commit, request.cluster(), progress);
        }
        LiveSnapshot live = request.live().read(query(desired));
        return compare(request, desired, live);
    }

    /** What an audit reads: {@link #kindsToRead} listed, and each Secret Git holds by name (Secrets are never listed). */
    public static LiveQuery query(DesiredState desired) {
        TreeSet<ResourceId> secrets = new TreeSet<>();
        // A Secret without a namespace cannot be named in a GET; it is reported missing like any unread object.
        desired.resources().keySet().stream().filter(id -> Secrets.isSecret(id) && !id.namespace().isEmpty())
                .forEach(secrets::add);
        // Prerequisite Secrets Git names but does not hold: probed for existence only, never read.
        TreeSet<ResourceId> probes = new TreeSet<>(Prerequisites.requiredSecrets(desired.resources()).keySet());
        return new LiveQuery(kindsToRead(desired), secrets, probes);
    }

    /**
     * What an audit lists ({@code group/Kind}): every Calico kind, so that unmanaged objects show, plus every kind Git
     * holds except Secrets, which {@link #query} reads by name.
     */
    public static TreeSet<String> kindsToRead(DesiredState desired) {
        TreeSet<String> kinds = new TreeSet<>();
        Kinds.all().stream().filter(k -> k.group().equals(Kinds.CALICO_GROUP)).forEach(k -> kinds.add(k.group() + "/" + k.kind()));
        desired.resources().keySet().stream().filter(id -> !Secrets.isSecret(id))
                .forEach(id -> kinds.add(id.group() + "/" + id.kind()));
        return kinds;
    }

    /** The comparison on its own, for callers that already hold both sides (tests, history, evidence). */
    public AuditReport compare(AuditRequest request, DesiredState given, LiveSnapshot live) {
        // The request's target (named by the user) overrides the one the generator stamped on the folder.
        CalicoTarget target = request.target().orElse(given.target());
        DesiredState desired = ExactPolicyNames.keyed(new DesiredState(given.commit(), given.resources(), given.locations(), target));
        Map<ResourceId, Resource> liveById = new LinkedHashMap<>();
        for (Resource r : live.resources()) {
            Resource keyed = ExactPolicyNames.keyed(target, r);
            liveById.putIfAbsent(keyed.id(), keyed);
        }
        TreeSet<ResourceId> ids = new TreeSet<>(desired.resources().keySet());
        ids.addAll(liveById.keySet());
        MissingAndExtra impact = new MissingAndExtra(desired);
        List<IgnoreRule> active = request.ignore().rules().stream().filter(r -> !r.expiredOn(request.today())).toList();
        // Each resource is normalised and diffed on its own: in parallel, in identity order as before.
        List<DriftEntry> entries = new ArrayList<>(List.copyOf(ids).parallelStream()
                .map(id -> entry(id, desired.resources().get(id), liveById.get(id), impact, active, target))
                .filter(Objects::nonNull)
                .toList());
        entries = new ArrayList<>(StagedSwaps.annotate(entries));
        List<DriftEntry> prerequisites = Prerequisites.missing(desired.resources(), liveById);
        if (!prerequisites.isEmpty()) {
            entries.addAll(prerequisites);
            entries.sort(java.util.Comparator.comparing(DriftEntry::id));
        }
        long livePolicies = liveById.values().stream()
                .filter(r -> isPolicy(r.id()) && !GeneratedObjects.isGenerated(r.id(), r.body(), target)).count();
        long managed = liveById.values().stream().filter(r -> isPolicy(r.id()) && !GeneratedObjects.isGenerated(r.id(), r.body(), target)
                && desired.resources().containsKey(r.id())).count();
        List<String> expired = request.ignore().rules().stream().filter(r -> r.expiredOn(request.today()))
                .map(IgnoreRule::describeExpired).toList();
        return new AuditReport(request.cluster(), desired.commit(), request.ref(), live.source(), entries,
                new Coverage((int) managed, (int) livePolicies), expired, live);
    }

    /** One resource's entry; null for a live object outside Git that is not reported (generated, or Felix's default). */
    private DriftEntry entry(ResourceId id, Resource d, Resource l, MissingAndExtra impact, List<IgnoreRule> active,
                             CalicoTarget target) {
        Optional<io.calicogitops.diag.SourceLocation> at = d == null ? Optional.empty() : Optional.of(d.origin());
        if (d != null && l != null) {
            return modified(id, d, l, at, active);
        } else if (d != null) {
            return whole(id, DriftStatus.MISSING, impact.missing(d), at, active);
        }
        if (!id.group().equals(Kinds.CALICO_GROUP) || GeneratedObjects.isGenerated(id, l.body(), target)
                || (id.kind().equals("FelixConfiguration") && id.name().equals("default"))) {
            return null;
        }
        return whole(id, DriftStatus.UNMANAGED, impact.unmanaged(l), at, active);
    }

    private DriftEntry modified(ResourceId id, Resource d, Resource l, Optional<io.calicogitops.diag.SourceLocation> at,
                                List<IgnoreRule> rules) {
        ResourceDiff diff = differ.diff(d, l);
        if (diff.inSync()) {
            return new DriftEntry(id, DriftStatus.IN_SYNC, DriftSeverity.NONE, emptyPatch(), List.of(), at, Optional.empty());
        }
        List<Change> changes = diff.changes();
        JsonNode patch = diff.patch();
        List<IgnoreRule> matching = rules.stream().filter(r -> r.matches(id)).toList();
        List<Change> kept = changes.stream().filter(c -> matching.stream().noneMatch(r -> r.covers(c.pointer()))).toList();
        if (kept.isEmpty()) {
            String by = matching.stream().filter(r -> changes.stream().anyMatch(c -> r.covers(c.pointer())))
                    .map(IgnoreRule::describe).findFirst().orElse("");
            return new DriftEntry(id, DriftStatus.IGNORED, ChangeSentences.worst(changes), patch, changes, at, Optional.of(by));
        }
        return new DriftEntry(id, DriftStatus.MODIFIED, ChangeSentences.worst(kept), withoutIgnored(patch, matching),
                kept, at, Optional.empty());
    }

    /** The patch without operations on ignored parts: applying it must not undo a difference the rules accept. */
    private static JsonNode withoutIgnored(JsonNode patch, List<IgnoreRule> rules) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode op : patch) {
            String path = op.path("path").asText();
            if (rules.stream().noneMatch(r -> !r.pointer().isEmpty() && r.covers(path))) {
                out.add(op);
            }
        }
        return out;
    }

    private static DriftEntry whole(ResourceId id, DriftStatus status, Change change,
                                    Optional<io.calicogitops.diag.SourceLocation> at, List<IgnoreRule> rules) {
        Optional<IgnoreRule> rule = rules.stream().filter(r -> r.matches(id) && r.pointer().isEmpty()).findFirst();
        return new DriftEntry(id, rule.isPresent() ? DriftStatus.IGNORED : status, change.severity(), emptyPatch(),
                List.of(change), at, rule.map(IgnoreRule::describe));
    }

    private static boolean isPolicy(ResourceId id) {
        return Kinds.isCalicoPolicy(id.group(), id.kind());
    }

    private static JsonNode emptyPatch() {
        return JsonNodeFactory.instance.arrayNode();
    }
}
