package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.diag.TemplateException;
import io.calicogitops.fleet.ClusterProfile;
import io.calicogitops.fleet.Fleet;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.calicogitops.progress.Progress;
import io.calicogitops.validate.ManifestValidator;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * Renders a fleet: for every cluster, the packs it enables and the overlays its traits select, through strict
 * Mustache, parsed back, patched, validated (CRD schemas and Calico semantics) and laid out as the files of
 * {@code clusters/<name>/}. Nothing is written here; every problem of every cluster is collected and thrown at once.
 */
public final class Generator {

    /** The folder of a fleet that holds its own packs (next to the profiles, which are only the top-level files). */
    public static final String FLEET_PACKS = "packs";

    private final TemplateEngine engine = new TemplateEngine();
    private final YamlReader yaml = new YamlReader();
    private final int threads;
    private final boolean shareWork;

    /** Renders clusters on every core. */
    public Generator() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** Renders up to {@code threads} clusters at once; the result does not depend on it. */
    public Generator(int threads) {
        this(threads, true);
    }

    /** {@code shareWork} false renders every cluster from scratch (see {@link RenderMemo}); tests compare the two. */
    Generator(int threads, boolean shareWork) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
        this.shareWork = shareWork;
    }

    /** What to render. {@code clusters} empty means all; {@code display} turns paths into what users see. */
    public record RenderRequest(Path fleetDir, Optional<Path> templatesDir, Optional<Path> overlaysDir,
                                List<String> clusters, Function<Path, String> display) {
        public RenderRequest {
            clusters = List.copyOf(clusters);
        }
    }

    /** The rendered clusters, sorted by name, and the warnings found on the way. */
    public record RenderResult(Fleet fleet, List<ClusterRender> clusters, List<Diagnostic> warnings) {
        public RenderResult {
            clusters = List.copyOf(clusters);
            warnings = List.copyOf(warnings);
        }
    }

    public RenderResult render(RenderRequest request) {
        return render(request, Progress.none());
    }

    /** Renders, counting rendered clusters on {@code progress}. */
    public RenderResult render(RenderRequest request, Progress progress) {
        // One Diagnostics for every stage, thrown once at the end: a compiler reports all it can in one run, so a
        // profile typo does not hide the platform refusal or the template error behind it.
        Diagnostics diagnostics = new Diagnostics();
        Fleet fleet = Fleet.read(request.fleetDir(), request.display(), diagnostics);
        TemplateLibrary templates = TemplateLibrary.load("templates", packLayers(request));
        TemplateLibrary overlayFiles = TemplateLibrary.load("overlays", request.overlaysDir(),
                request.overlaysDir().map(request.display()).orElse(""));
        Diagnostics overlayProblems = new Diagnostics();
        List<Overlay> overlays = OverlayLoader.load(overlayFiles, overlayProblems);
        diagnostics.addAll(overlayProblems.sorted());
        // Without every overlay declaration, which resources a cluster gets is unknown: rendering would only add noise.
        List<ClusterProfile> selected = overlayProblems.hasErrors() ? List.of() : select(fleet, request, diagnostics);
        List<ClusterRender> rendered;
        RenderMemo memo = new RenderMemo(shareWork);
        try (Progress.Task task = progress.start("render", "clusters", selected.size())) {
            rendered = inParallel(selected, p -> {
                ClusterRender r = renderCluster(p, templates, overlays, memo, diagnostics);
                task.advance();
                // A best-effort profile (it had errors) is rendered for its diagnostics only, never returned.
                return fleet.isBroken(p) ? null : r;
            });
        }
        diagnostics.throwIfErrors("render");
        List<Diagnostic> warnings = diagnostics.sorted();
        return new RenderResult(fleet, rendered.stream().filter(r -> r != null).toList(), warnings);
    }

    /**
     * The pack folders over the built-in packs: the fleet's own {@code packs/} (where {@code import} writes the
     * objects of a hand-built cluster, so that a plain render finds them, as kustomize finds a base next to its
     * overlay), then {@code --templates}, which wins for a file both hold.
     */
    public static List<TemplateLibrary.Layer> packLayers(RenderRequest request) {
        List<TemplateLibrary.Layer> layers = new ArrayList<>();
        Path fleetPacks = request.fleetDir().resolve(FLEET_PACKS);
        if (Files.isDirectory(fleetPacks, LinkOption.NOFOLLOW_LINKS)) {
            layers.add(new TemplateLibrary.Layer(fleetPacks, request.display().apply(fleetPacks)));
        }
        request.templatesDir().ifPresent(d -> layers.add(new TemplateLibrary.Layer(d, request.display().apply(d))));
        return layers;
    }

    /**
     * The clusters asked for, sorted by name. A name with no readable profile is a usage error, unless profiles had
     * errors: then the name may be that of a profile too broken to read, and the errors say why.
     */
    private static List<ClusterProfile> select(Fleet fleet, RenderRequest request, Diagnostics diagnostics) {
        if (request.clusters().isEmpty()) {
            return fleet.clusters();
        }
        Set<String> known = new HashSet<>(fleet.clusters().stream().map(ClusterProfile::name).toList());
        return request.clusters().stream().distinct()
                .filter(n -> known.contains(n) || !diagnostics.hasErrors())
                .map(fleet::cluster).sorted(java.util.Comparator.comparing(ClusterProfile::name)).toList();
    }

    /** Maps every profile on a pool of {@code threads}; the results keep the order of the profiles. */
    private List<ClusterRender> inParallel(List<ClusterProfile> profiles, Function<ClusterProfile, ClusterRender> render) {
        if (threads == 1 || profiles.size() < 2) {
            return profiles.stream().map(render).toList();
        }
        ForkJoinPool pool = new ForkJoinPool(Math.min(threads, profiles.size()));
        try {
            return pool.submit(() -> profiles.parallelStream().map(render).toList()).join();
        } finally {
            pool.shutdown();
        }
    }

    private ClusterRender renderCluster(ClusterProfile profile, TemplateLibrary templates, List<Overlay> overlays,
                                        RenderMemo memo, Diagnostics diagnostics) {
        Map<String, Object> view = ViewModel.of(profile);
        List<String> packs = selectPacks(profile, templates, diagnostics);
        List<Overlay> applied = OverlayResolver.resolve(profile, view, overlays, diagnostics);
        // What the templates render depends on this cluster's values, so every finding from here on names it.
        Diagnostics found = new Diagnostics();

        Map<ResourceId, RenderedResource> resources = new LinkedHashMap<>();
        for (String pack : packs) {
            PackManifest manifest = PackManifest.of(templates, pack, found);
            Map<String, Object> packView = manifest.view(view, profile, found);
            for (TemplateFile t : templates.inGroup(pack)) {
                if (t.isTemplate()) {
                    addAll(t, renderDocs(t, packView, memo, found), resources, found);
                }
            }
        }
        for (Overlay o : applied) {
            for (TemplateFile t : o.resources()) {
                addAll(t, renderDocs(t, view, memo, found), resources, found);
            }
        }
        for (Overlay o : applied) {
            for (TemplateFile t : o.patches()) {
                for (YamlDocument patch : renderDocs(t, view, memo, found)) {
                    Patches.apply(o, patch, resources, found);
                }
            }
        }
        Map<ResourceId, RenderedResource> adopted = AdoptedNames.apply(profile, resources, found);
        if (adopted != resources) {
            resources.clear();
            resources.putAll(adopted);
        }
        // Sync tools must never prune partial objects (an Installation deleted uninstalls Calico).
        resources.replaceAll((id, r) -> new RenderedResource(Bootstrap.protect(profile, r.resource()), r.template(),
                r.patchedBy(), r.locate()));
        // Each cluster is checked against the Calico it runs (profile key calico:).
        ManifestValidator validator = new ManifestValidator(profile.calico());
        for (RenderedResource r : resources.values()) {
            memo.validate(validator, profile.calico(), r.resource(), r.locate(), found);
        }
        List<Resource> all = resources.values().stream().map(RenderedResource::resource).toList();
        Set<String> misspelt = TierReferences.check(profile, all, diagnostics);
        Diagnostics cluster = new Diagnostics();
        validator.validateCluster(all, id -> resources.get(id).locate(), cluster);
        // A policy's "tier does not exist" has been reported once, at the profile's misspelt tier: not again here.
        Set<SourceLocation> explained = new HashSet<>();
        for (RenderedResource r : resources.values()) {
            if (misspelt.contains(r.resource().body().path("spec").path("tier").asText())) {
                explained.add(r.locate().at("/spec/tier"));
            }
        }
        cluster.sorted().stream().filter(d -> !(d.isError() && explained.contains(d.location()))).forEach(found::add);
        ClusterLayout.checkFileNames(resources.values(), found);
        for (Diagnostic d : found.sorted()) {
            diagnostics.add(new Diagnostic(d.location(), d.severity(), "[" + profile.name() + "] " + d.message(), d.hint()));
        }
        if (found.hasErrors()) {
            return null;
        }
        List<RenderedResource> list = new ArrayList<>(resources.values());
        return new ClusterRender(profile, applied, packs, list,
                ClusterLayout.files(profile, applied, packs, list, memo::file),
                Bootstrap.files(profile, profile.folder(), list.stream().map(RenderedResource::resource).toList()));
    }

    private List<String> selectPacks(ClusterProfile profile, TemplateLibrary templates, Diagnostics diagnostics) {
        // A pack whose pack.yaml names other clusters does not exist for this one.
        List<String> available = templates.groups().stream()
                .filter(g -> PackManifest.of(templates, g, new Diagnostics()).appliesTo(profile.name())).toList();
        if (profile.packs().isEmpty()) {
            return available;
        }
        Set<String> known = new HashSet<>(available);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < profile.packs().size(); i++) {
            String p = profile.packs().get(i);
            if (known.contains(p)) {
                out.add(p);
            } else {
                diagnostics.error(profile.locate("/packs/" + i), "packs[" + i + "]: unknown pack '" + p + "'",
                        "packs: " + String.join(", ", available));
            }
        }
        return out.stream().distinct().sorted().toList();
    }

    private List<YamlDocument> renderDocs(TemplateFile t, Map<String, Object> view, RenderMemo memo,
                                          Diagnostics diagnostics) {
        TemplateEngine.Output out;
        try {
            out = engine.execute(t.displayPath(), t.text(), view);
        } catch (TemplateException e) {
            diagnostics.error(e.location(), stripLocation(e));
            return List.of();
        }
        RenderMemo.Parsed parsed = memo.parse(t.displayPath(), out, () -> parse(t, out.unmark()));
        diagnostics.addAll(parsed.problems());
        return parsed.docs();
    }

    private RenderMemo.Parsed parse(TemplateFile t, TemplateEngine.Rendered rendered) {
        // Locations in the rendered text are moved to the template lines they were written on.
        Diagnostics parse = new Diagnostics();
        List<YamlDocument> docs = yaml.read(rendered.text(), t.displayPath(), parse);
        List<Diagnostic> problems = new ArrayList<>();
        for (Diagnostic d : parse.sorted()) {
            SourceLocation at = d.location();
            problems.add(new Diagnostic(SourceLocation.of(at.file(), rendered.templateLine(at.line()), at.column()),
                    d.severity(), d.message(), d.hint()));
        }
        return new RenderMemo.Parsed(docs.stream().map(d -> d.mapLines(rendered::templateLine)).toList(), problems);
    }

    private static String stripLocation(TemplateException e) {
        String m = e.getMessage();
        String prefix = e.location() + ": error: ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    private static void addAll(TemplateFile t, List<YamlDocument> docs, Map<ResourceId, RenderedResource> into,
                               Diagnostics diagnostics) {
        for (YamlDocument d : docs) {
            JsonNode body = d.body();
            SourceLocation at = d.locations().locate("");
            if (!body.isObject() || !body.path("kind").isTextual() || !body.path("metadata").path("name").isTextual()) {
                diagnostics.error(at, "a rendered document needs apiVersion, kind and metadata.name");
                continue;
            }
            Resource r = Resource.of(body, at);
            RenderedResource previous = into.putIfAbsent(r.id(),
                    new RenderedResource(r, t.displayPath(), List.of(), io.calicogitops.validate.Locator.of(d.locations())));
            if (previous != null) {
                diagnostics.error(at, "duplicate " + r.id().display()
                        + ": also rendered by " + previous.resource().origin(),
                        "each resource must be rendered once per cluster; rename one or drop a pack");
            }
        }
    }
}
