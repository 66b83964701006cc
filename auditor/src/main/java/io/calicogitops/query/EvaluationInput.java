package io.calicogitops.query;

import io.calicogitops.audit.DesiredState;
import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.GitAccessException;
import io.calicogitops.diag.InvalidValueException;
import io.calicogitops.fleet.ClusterProfile;
import io.calicogitops.fleet.Fleet;
import io.calicogitops.git.GitRepo;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.calicogitops.policy.Endpoint;
import io.calicogitops.policy.IpAddress;
import io.calicogitops.policy.ModelBuilder;
import io.calicogitops.policy.SourceDocument;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Loads the {@link LoadedModel} an {@link EvaluationRequest} describes; every input problem is reported at once (exit 3). */
public final class EvaluationInput {

    /** Core kinds read from a live source for the workloads: running pods (with IPs), namespaces, accounts, services. */
    static final List<String> WORKLOAD_KINDS = List.of("/Pod", "/Namespace", "/ServiceAccount", "/Service");

    private EvaluationInput() {
    }

    public static LoadedModel load(EvaluationRequest request) {
        Diagnostics diagnostics = new Diagnostics();
        ModelBuilder builder = new ModelBuilder(diagnostics);
        Optional<ClusterProfile> profile = request.fleet().map(dir -> profile(dir, request.cluster()));
        String policySource;
        if (request.live().isPresent()) {
            TreeSet<String> kinds = new TreeSet<>();
            Kinds.all().stream().filter(k -> k.policy() || k.kind().endsWith("NetworkSet") || k.kind().equals("Tier"))
                    .forEach(k -> kinds.add(k.group() + "/" + k.kind()));
            // The running workloads too, with their pod IPs (needs get/list on these kinds; fails closed without).
            kinds.add("networking.k8s.io/NetworkPolicy");
            kinds.addAll(WORKLOAD_KINDS);
            LiveSnapshot live = request.live().get().read(kinds);
            live.resources().forEach(r -> builder.addObject(SourceDocument.of(r)));
            policySource = "live: " + request.liveDescription();
        } else {
            try (GitRepo git = GitRepo.open(request.repo())) {
                String commit = git.commitId(request.ref()).orElseThrow(() -> new GitAccessException(
                        "ref '" + request.ref() + "' does not name a commit in " + request.repo()));
                DesiredState desired = DesiredState.read(git, commit, request.cluster());
                for (ResourceId id : desired.resources().keySet()) {
                    Resource r = desired.resources().get(id);
                    builder.addObject(new SourceDocument(r, desired.locations().get(id)));
                }
                policySource = io.calicogitops.model.RepoLayout.clusterRoot(request.cluster()) + " at " + commit.substring(0, 12) + " (" + request.ref() + ")";
            }
        }
        List<Path> workloadPaths = new ArrayList<>(request.workloads());
        if (workloadPaths.isEmpty() && profile.isPresent() && profile.get().workloads() != null) {
            workloadPaths.add(request.fleet().get().resolve(profile.get().workloads()).normalize());
        }
        workloadPaths.addAll(request.liveFiles());
        List<String> sources = new ArrayList<>();
        for (Path p : workloadPaths) {
            if (!Files.exists(p)) {
                throw new InvalidValueException("workloads", p + " does not exist");
            }
            builder.workloads().readPath(p, Path.of(""));
            sources.add(p.toString());
        }
        List<Endpoint> externals = new ArrayList<>();
        for (String x : request.externals()) {
            externals.add(external(x));
        }
        diagnostics.throwIfErrors("evaluation input");
        return new LoadedModel(builder.build(externals), request.cluster(), policySource, sources, profile);
    }

    private static ClusterProfile profile(Path fleetDir, String cluster) {
        Diagnostics diagnostics = new Diagnostics();
        Fleet fleet = Fleet.load(fleetDir, Path::toString, diagnostics);
        diagnostics.throwIfErrors("fleet " + fleetDir);
        return fleet.cluster(cluster);
    }

    /** {@code name=ip}, {@code name=domain} or {@code name=ip,domain}. */
    public static Endpoint external(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new InvalidValueException("external", "expected NAME=IP, NAME=DOMAIN or NAME=IP,DOMAIN (got '" + spec + "')");
        }
        String name = spec.substring(0, eq);
        IpAddress ip = null;
        String domain = null;
        for (String part : spec.substring(eq + 1).split(",")) {
            Optional<IpAddress> parsed = IpAddress.parse(part.strip());
            if (parsed.isPresent()) {
                ip = parsed.get();
            } else if (!part.isBlank()) {
                domain = part.strip();
            }
        }
        return Endpoint.external(name, ip, domain);
    }
}
