package io.calicogitops.flows;

import io.calicogitops.audit.DesiredState;
import io.calicogitops.diag.GitAccessException;
import io.calicogitops.diag.InvalidValueException;
import io.calicogitops.git.GitRepo;
import io.calicogitops.model.Resource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One {@code recommend}: the cluster's tiers from the desired state in Git (to know which recorded denials a rule in
 * the recommendation tier could override, and that the tier exists), the records, the {@link Recommender}, and the
 * pack written under the output folder.
 */
public final class RecommendRun {

    /**
     * Policy order of the recommendations: after the application policies the built-in packs write (100 to 800;
     * Kubernetes policies count as 1000), before the default deny (2000 by default), so that enforcing the default
     * deny later keeps the recommended traffic.
     */
    public static final double ORDER = 1500;

    private RecommendRun() {
    }

    /** What to read, where the desired state is, and where the pack goes. */
    public record Request(Path repo, String ref, String cluster, List<Path> flowLogs, List<String> namespaces,
                          String tier, int minIntervals, Path out) {
        public Request {
            flowLogs = List.copyOf(flowLogs);
            namespaces = List.copyOf(namespaces);
        }
    }

    /** The recommendation, the pack's folder and the files written in it. */
    public record Result(Recommendation recommendation, Path packDir, List<String> written) {
        public Result {
            written = List.copyOf(written);
        }
    }

    public static Result run(Request request, FlowRecordSource source) {
        if (request.minIntervals() < 1) {
            throw new InvalidValueException("min-intervals", "must be at least 1 (got " + request.minIntervals() + ")");
        }
        Map<String, Double> tiers = tiers(request);
        if (!request.tier().equals("default") && !tiers.containsKey(request.tier())) {
            throw new InvalidValueException("tier", "cluster '" + request.cluster() + "' has no tier '" + request.tier() + "' in Git"
                    + " (tiers: " + String.join(", ", tiers.keySet()) + "); add it to the profile's tiers first");
        }
        RecommendOptions options = new RecommendOptions(request.cluster(), request.namespaces(), request.tier(), tiers,
                ORDER, request.minIntervals());
        Recommendation rec = Recommender.recommend(source.read(request.flowLogs()), options);
        List<String> written = RecommendationWriter.write(rec, request.out());
        return new Result(rec, request.out().resolve(RecommendationPack.packName(request.cluster())), written);
    }

    /** Tier name to {@code spec.order} from the cluster's desired state (a Tier without order sorts last). */
    static Map<String, Double> tiers(Request request) {
        Map<String, Double> orders = new TreeMap<>();
        try (GitRepo git = GitRepo.open(request.repo())) {
            String commit = git.commitId(request.ref()).orElseThrow(() -> new GitAccessException(
                    "ref '" + request.ref() + "' does not name a commit in " + request.repo()));
            DesiredState desired = DesiredState.read(git, commit, request.cluster());
            for (Resource r : desired.resources().values()) {
                if (r.kind().equals("Tier")) {
                    var order = r.body().path("spec").path("order");
                    orders.put(r.id().name(), order.isNumber() ? order.asDouble() : Double.MAX_VALUE);
                }
            }
        }
        return orders;
    }
}
