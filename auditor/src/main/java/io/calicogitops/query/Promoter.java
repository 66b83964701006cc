package io.calicogitops.query;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.InvalidInputException;
import io.calicogitops.diag.InvalidValueException;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.diag.UsageException;
import io.calicogitops.fleet.ClusterProfile;
import io.calicogitops.fleet.ProfileEdit;
import io.calicogitops.flows.ImpactRow;
import io.calicogitops.flows.ObservedChanges;
import io.calicogitops.model.Resource;
import io.calicogitops.policy.ClusterModel;
import io.calicogitops.policy.DestinationPorts;
import io.calicogitops.policy.Endpoint;
import io.calicogitops.policy.Evaluator;
import io.calicogitops.policy.Flow;
import io.calicogitops.policy.Inventory;
import io.calicogitops.policy.IpAddress;
import io.calicogitops.policy.ModelBuilder;
import io.calicogitops.policy.Protocols;
import io.calicogitops.policy.SourceDocument;
import io.calicogitops.policy.SourcePorts;
import io.calicogitops.policy.Verdict;
import io.calicogitops.policy.Verdicts;
import io.calicogitops.render.ClusterRender;
import io.calicogitops.render.Generator;
import io.calicogitops.render.Promotions.Promotion;
import io.calicogitops.render.Promotions;
import io.calicogitops.render.RenderedResource;
import io.calicogitops.render.RepoUpdate;
import io.calicogitops.render.TemplateLibrary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a staged policy into the enforced one the GitOps way: sets the profile value its pack declares (see
 * {@link Promotions}), renders the cluster before and after, evaluates every flow between the cluster's workloads
 * (and to and from the given external endpoints) on both, and commits the new rendering when the user accepts the
 * flows that become denied. On a dry run, a refusal or any failure the profile file is left exactly as it was.
 */
public final class Promoter {

    /** A representative address outside the cluster and in no network set (TEST-NET-3, RFC 5737). */
    static final Endpoint INTERNET = Endpoint.external("internet", IpAddress.parse("203.0.113.10").orElseThrow(), null);
    private static final List<DestinationPorts.ProtoPort> EXTERNAL_PORTS = List.of(
            new DestinationPorts.ProtoPort(Protocols.TCP, 80), new DestinationPorts.ProtoPort(Protocols.TCP, 443));

    /** What to promote, where, and how careful to be. */
    public record Request(Path fleet, Path repo, String cluster, String policy, Optional<Path> templates,
                          Optional<Path> overlays, List<Endpoint> externals, boolean dryRun, boolean accept,
                          String message, Function<Path, String> display, List<Path> flowLogs) {
        public Request {
            externals = List.copyOf(externals);
            flowLogs = flowLogs == null ? List.of() : List.copyOf(flowLogs);
        }

        /** Without flow logs. */
        public Request(Path fleet, Path repo, String cluster, String policy, Optional<Path> templates, Optional<Path> overlays,
                       List<Endpoint> externals, boolean dryRun, boolean accept, String message, Function<Path, String> display) {
            this(fleet, repo, cluster, policy, templates, overlays, externals, dryRun, accept, message, display, List.of());
        }
    }

    /** One flow whose verdict the promotion changes. */
    public record FlowChange(Flow flow, Verdict before, Verdict after) {
    }

    /** What the promotion did or would do. */
    public record Result(String cluster, String policy, Promotion promotion, String profileFile, String fromValue,
                         String fromKind, String toKind, List<FlowChange> denied, List<FlowChange> allowed, int flowsEvaluated,
                         Outcome outcome, Optional<String> commit, int filesChanged, Optional<ObservedChanges.Result> observed) {
        public Result {
            denied = List.copyOf(denied);
            allowed = List.copyOf(allowed);
            observed = observed == null ? Optional.empty() : observed;
        }

        /** Observed flows (from the flow logs) that would become denied; empty without flow logs. */
        public List<ImpactRow> observedDenied() {
            return observed.map(ObservedChanges.Result::denied).orElse(List.of());
        }
    }

    /** How it ended. */
    public enum Outcome {
        /** The policy is already enforced: nothing to do. */
        ALREADY_ENFORCED,
        /** Dry run: nothing written. */
        DRY_RUN,
        /** Flows would become denied and the user did not accept them: nothing written. */
        NEEDS_ACCEPT,
        /** Profile edited and the rendering committed. */
        PROMOTED
    }

    private Promoter() {
    }

    public static Result promote(Request request) {
        TemplateLibrary templates = TemplateLibrary.load("templates", Generator.packLayers(new Generator.RenderRequest(
                request.fleet(), request.templates(), request.overlays(), List.of(request.cluster()), request.display())));
        List<Promotion> declared = Promotions.find(templates);
        String name = policyName(request.policy());
        Promotion promotion = declared.stream().filter(p -> p.policy().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidValueException("policy", "no policy pack declares how to promote '" + name + "'"
                        + (declared.isEmpty() ? "" : " (promotable: " + String.join(", ",
                        declared.stream().map(Promotion::policy).distinct().sorted().toList()) + ")")
                        + "; a pack declares it with a '# promote: <policy> <profile pointer>=<value>' line in its template"));

        Generator generator = new Generator();
        Generator.RenderResult before = render(generator, request);
        ClusterRender beforeCluster = before.clusters().get(0);
        ClusterProfile profile = beforeCluster.profile();
        Path profileFile = Path.of(profile.origin().file());
        Optional<Resource> staged = find(beforeCluster, name, true);
        Optional<Resource> enforced = find(beforeCluster, name, false);
        if (staged.isEmpty()) {
            if (enforced.isPresent()) {
                return new Result(request.cluster(), name, promotion, request.display().apply(profileFile), "",
                        enforced.get().kind(), enforced.get().kind(), List.of(), List.of(), 0, Outcome.ALREADY_ENFORCED,
                        Optional.empty(), 0, Optional.empty());
            }
            throw new InvalidValueException("policy", "cluster '" + request.cluster() + "' renders no policy named '" + name + "'");
        }

        String original = read(profileFile);
        String fromValue = currentValue(original, profileFile, promotion);
        String edited = ProfileEdit.setString(original, request.display().apply(profileFile), promotion.pointer(),
                promotion.value());
        boolean keep = false;
        write(profileFile, edited);
        try {
            Generator.RenderResult after = render(generator, request);
            ClusterRender afterCluster = after.clusters().get(0);
            Resource promoted = find(afterCluster, name, false).filter(r -> find(afterCluster, name, true).isEmpty())
                    .orElseThrow(() -> InvalidInputException.single(SourceLocation.of(promotion.template(), promotion.line(), 1),
                            "setting " + promotion.pointer() + "=" + promotion.value() + " did not turn the staged policy '"
                                    + name + "' into an enforced one; check this promote line"));
            Inventory workloads = workloads(profile, request);
            ClusterModel beforeModel = model(beforeCluster, workloads, request.externals());
            ClusterModel afterModel = model(afterCluster, workloads, request.externals());
            List<FlowChange> denied = new ArrayList<>();
            List<FlowChange> allowed = new ArrayList<>();
            int evaluated = compare(beforeModel, afterModel, profile.evaluation().sourcePorts(), denied, allowed);
            // Real traffic the promotion would cut counts like an evaluated flow: refused without --yes.
            Optional<ObservedChanges.Result> observed = request.flowLogs().isEmpty() ? Optional.empty()
                    : Optional.of(ObservedChanges.between(beforeModel, afterModel, profile.evaluation().sourcePorts(), name, request.flowLogs()));
            boolean cuts = !denied.isEmpty() || observed.map(o -> !o.denied().isEmpty()).orElse(false);
            Outcome outcome = request.dryRun() ? Outcome.DRY_RUN
                    : cuts && !request.accept() ? Outcome.NEEDS_ACCEPT : Outcome.PROMOTED;
            Optional<String> commit = Optional.empty();
            int files = 0;
            if (outcome == Outcome.PROMOTED) {
                String message = request.message() != null ? request.message()
                        : "Promote " + name + " on " + request.cluster() + ": " + staged.get().kind() + " -> " + promoted.kind();
                RepoUpdate update = RepoUpdate.write(after, request.repo(), false, false, message);
                commit = update.commitId();
                files = update.changes().size();
                keep = true;
            }
            return new Result(request.cluster(), name, promotion, request.display().apply(profileFile), fromValue,
                    staged.get().kind(), promoted.kind(), denied, allowed, evaluated, outcome, commit, files, observed);
        } finally {
            if (!keep) {
                write(profileFile, original);
            }
        }
    }

    /** {@code default-deny}, {@code StagedGlobalNetworkPolicy/default-deny} or {@code ns/name}: the policy name. */
    static String policyName(String text) {
        String name = text.substring(text.lastIndexOf('/') + 1);
        if (name.isBlank()) {
            throw new InvalidValueException("policy", "expected a policy name (got '" + text + "')");
        }
        return name;
    }

    private static Generator.RenderResult render(Generator generator, Request request) {
        return generator.render(new Generator.RenderRequest(request.fleet(), request.templates(), request.overlays(),
                List.of(request.cluster()), request.display()));
    }

    private static Optional<Resource> find(ClusterRender cluster, String name, boolean staged) {
        return cluster.resources().stream().map(RenderedResource::resource)
                .filter(r -> r.id().name().equals(name) && r.kind().endsWith("NetworkPolicy") && r.kind().startsWith("Staged") == staged)
                .findFirst();
    }

    private static String currentValue(String text, Path file, Promotion promotion) {
        Diagnostics diagnostics = new Diagnostics();
        return new io.calicogitops.yaml.YamlReader().readOne(text, file.toString(), diagnostics)
                .map(d -> d.body().at(promotion.pointer())).filter(n -> !n.isMissingNode()).map(n -> n.asText())
                .orElse("(default)");
    }

    private static Inventory workloads(ClusterProfile profile, Request request) {
        Diagnostics diagnostics = new Diagnostics();
        ModelBuilder builder = new ModelBuilder(diagnostics);
        if (profile.workloads() != null) {
            Path dir = request.fleet().resolve(profile.workloads()).normalize();
            if (!Files.exists(dir)) {
                throw new UsageException("the profile's workloads folder " + dir + " does not exist");
            }
            builder.workloads().readPath(dir, Path.of(""));
        }
        diagnostics.throwIfErrors("workloads");
        return builder.build(List.of()).inventory();
    }

    private static ClusterModel model(ClusterRender cluster, Inventory workloads, List<Endpoint> externals) {
        Diagnostics diagnostics = new Diagnostics();
        ModelBuilder builder = new ModelBuilder(diagnostics);
        for (RenderedResource r : cluster.resources()) {
            builder.addObject(new SourceDocument(r.resource(), r.locate()));
        }
        ClusterModel policies = builder.build(List.of());
        diagnostics.throwIfErrors("rendered policies");
        List<Endpoint> outside = new ArrayList<>(externals);
        if (outside.stream().noneMatch(e -> e.name().equals(INTERNET.name()))) {
            outside.add(INTERNET);
        }
        return new ClusterModel(policies.policies(),
                workloads.withNetworkSets(policies.inventory().networkSets()).withExternals(outside));
    }

    /** Every workload-to-workload flow on the destination's ports, and to and from each external endpoint. */
    /** Clients use {@code sourcePorts} (the profile's {@code evaluation.sourcePorts}): flows are compared range by range. */
    private static int compare(ClusterModel before, ClusterModel after, SourcePorts sourcePorts, List<FlowChange> denied,
                               List<FlowChange> allowed) {
        Evaluator b = before.compiled();
        Evaluator a = after.compiled();
        Inventory inv = before.inventory();
        List<Endpoint> ws = inv.workloads();
        int count = 0;
        for (Endpoint to : ws) {
            List<DestinationPorts.ProtoPort> ports = DestinationPorts.of(to, inv);
            for (Endpoint from : ws) {
                if (from != to) {
                    for (DestinationPorts.ProtoPort p : ports) {
                        count += compare(new Flow(from, to, p.protocol(), p.port(), -1, sourcePorts), b, a, denied, allowed);
                    }
                }
            }
            for (Endpoint outside : inv.externals()) {
                for (DestinationPorts.ProtoPort p : ports) {
                    count += compare(new Flow(outside, to, p.protocol(), p.port(), -1, sourcePorts), b, a, denied, allowed);
                }
            }
        }
        for (Endpoint from : ws) {
            for (Endpoint outside : inv.externals()) {
                for (DestinationPorts.ProtoPort p : EXTERNAL_PORTS) {
                    count += compare(new Flow(from, outside, p.protocol(), p.port(), -1, sourcePorts), b, a, denied, allowed);
                }
            }
        }
        java.util.Comparator<FlowChange> order = java.util.Comparator.comparing((FlowChange c) -> c.flow().display());
        denied.sort(order);
        allowed.sort(order);
        return count;
    }

    private static int compare(Flow flow, Evaluator before, Evaluator after, List<FlowChange> denied, List<FlowChange> allowed) {
        Verdicts wasAll = before.evaluate(flow);
        Verdicts isAll = after.evaluate(flow);
        // Compared per source-port sub-range: the first sub-range that changes each way is reported.
        boolean deniedNow = false;
        boolean allowedNow = false;
        int[] starts = wasAll.starts(isAll);
        for (int k = 0; k < starts.length; k++) {
            Verdict was = wasAll.at(starts[k]);
            Verdict is = isAll.at(starts[k]);
            // The flow named with the sub-range that changed (the whole range when the source port does not matter).
            Flow part = flow.withSourcePorts(new SourcePorts(starts[k], k + 1 < starts.length ? starts[k + 1] - 1 : flow.sourcePorts().max()));
            if (!deniedNow && was.allowed() && !is.allowed()) {
                denied.add(new FlowChange(part, was, is));
                deniedNow = true;
            } else if (!allowedNow && !was.allowed() && is.allowed()) {
                allowed.add(new FlowChange(part, was, is));
                allowedNow = true;
            }
        }
        return 1;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Path tmp = file.resolveSibling("." + file.getFileName() + ".promote.tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
