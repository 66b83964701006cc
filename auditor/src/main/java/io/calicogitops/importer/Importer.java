package io.calicogitops.importer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.AuditRequest;
import io.calicogitops.audit.Auditor;
import io.calicogitops.audit.LiveQuery;
import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.audit.normalise.GeneratedObjects;
import io.calicogitops.audit.normalise.Normaliser;
import io.calicogitops.audit.normalise.Side;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.UsageException;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.calicogitops.render.Generator;
import io.calicogitops.render.RepoUpdate;
import io.calicogitops.render.TemplateLibrary;
import io.calicogitops.validate.CalicoTarget;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Brings a hand-built cluster into Git: reads its live Calico objects, recognises the built-in packs that reproduce
 * some of them ({@link PackRecogniser}), writes a profile naming those packs and values plus a pack
 * {@code imported-<cluster>} holding every other object verbatim, renders and commits, and audits that commit against
 * the same live state. Like {@code kubectl create}, it refuses to replace a profile that exists unless forced, and
 * like a compiler it writes nothing when any object cannot be brought in.
 */
public final class Importer {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    /** The name of the pack that holds a cluster's objects no built-in pack reproduces. */
    public static String importedPack(String cluster) {
        return "imported-" + cluster;
    }

    public ImportResult run(ImportRequest request) {
        String cluster = request.cluster();
        if (!LABEL.matcher(cluster).matches()) {
            throw new UsageException("cluster name '" + cluster + "' is not a DNS-1123 label (it names the folder "
                    + "clusters/<name>/)");
        }
        if (!request.provider().equals("EKS") && !request.provider().equals("AKS")) {
            throw new UsageException("provider: expected EKS or AKS (got '" + request.provider() + "')");
        }
        Path profileFile = request.fleetDir().resolve(cluster + ".yaml");
        Path packDir = request.fleetDir().resolve(Generator.FLEET_PACKS).resolve(importedPack(cluster));
        ImportFiles.refuseToOverwrite(request, profileFile, packDir);

        LiveSnapshot snapshot = request.live().read(LiveQuery.of(calicoKinds()));
        List<ImportRow> rows = new ArrayList<>();
        List<Resource> candidates = new ArrayList<>();
        for (Resource r : snapshot.resources().stream().sorted(Comparator.comparing(Resource::id)).toList()) {
            Optional<String> skip = skipReason(r);
            if (skip.isPresent()) {
                rows.add(new ImportRow(r.id(), ImportRow.Outcome.SKIPPED, skip.get()));
            } else {
                candidates.add(Resource.of(Normaliser.serverFieldsOnly().normalise(r, Side.LIVE), r.origin()));
            }
        }
        ObjectNode base = JsonNodeFactory.instance.objectNode().put("name", cluster).put("provider", request.provider())
                .put("cni", request.provider().equals("AKS") ? "azure" : "aws-vpc");
        List<PackRecogniser.Match> matches = new ArrayList<>();
        try (Scratch scratch = new Scratch()) {
            PackRecogniser recogniser = new PackRecogniser(scratch, base, candidates);
            Set<ResourceId> claimed = new HashSet<>();
            for (String pack : builtInPacks()) {
                recogniser.recognise(pack).filter(m -> m.exact().stream().noneMatch(claimed::contains)).ifPresent(m -> {
                    matches.add(m);
                    claimed.addAll(m.exact());
                });
            }
            List<PackRecogniser.Match> whole = matches.stream()
                    .filter(m -> m.renames().isEmpty() || request.adoptNames()).toList();
            Set<ResourceId> byPack = new HashSet<>();
            whole.forEach(m -> {
                byPack.addAll(m.exact());
                m.renames().forEach(n -> byPack.add(n.live()));
            });
            List<Resource> imported = candidates.stream().filter(r -> !byPack.contains(r.id())).toList();
            if (whole.isEmpty() && imported.isEmpty()) {
                throw new UsageException("the live state holds no Calico object to import (" + snapshot.source() + ")");
            }
            ObjectNode profile = ImportFiles.profile(base, whole, imported.isEmpty() ? Optional.empty() : Optional.of(importedPack(cluster)));
            Diagnostics problems = new Diagnostics();
            SortedMap<String, String> packFiles = PackFiles.of(imported, snapshot.source(), problems);
            problems.throwIfErrors("import");
            // Render the new cluster on its own first: an object the render refuses stops the import before a write.
            Path trial = scratch.fleet(profile, imported.isEmpty() ? Map.of() : Map.of(importedPack(cluster), imported));
            new Generator(1).render(new Generator.RenderRequest(trial, Optional.empty(), Optional.empty(), List.of(cluster),
                    p -> request.display().apply(request.fleetDir().resolve(trial.relativize(p)))));
            ImportFiles.write(profileFile, packDir, profile, packFiles);
            rows.addAll(rows(candidates, whole, matches, request.adoptNames()));
        }
        Generator.RenderResult rendered = new Generator().render(new Generator.RenderRequest(request.fleetDir(),
                Optional.empty(), Optional.empty(), List.of(cluster), request.display()));
        RepoUpdate update = RepoUpdate.write(rendered, request.repoDir(), false, false,
                "Import cluster " + cluster + " from its live state");
        AuditReport audit = new Auditor().audit(new AuditRequest(request.repoDir(), cluster, "HEAD", q -> snapshot, null, null));
        List<String> packs = matches.stream().filter(m -> m.renames().isEmpty() || request.adoptNames())
                .map(PackRecogniser.Match::pack).toList();
        List<Rename> renames = request.adoptNames() ? List.of() : matches.stream().flatMap(m -> m.renames().stream()).toList();
        rows.sort(Comparator.comparing(ImportRow::id));
        return new ImportResult(request.display().apply(profileFile), request.display().apply(packDir), packs, rows,
                renames, update.commitId(), audit);
    }

    /** Why a live object is not brought into Git, or empty when it is. */
    private static Optional<String> skipReason(Resource r) {
        ResourceId id = r.id();
        if (Kinds.isSecret(id)) {
            return Optional.of("skipped: Secrets are never imported (their values must not reach Git)");
        }
        if (!id.group().equals(Kinds.CALICO_GROUP)) {
            return Optional.of("skipped: not a Calico kind (the audit reports only Calico objects Git does not hold)");
        }
        if (GeneratedObjects.isGenerated(id, r.body(), CalicoTarget.CLOUD)) {
            return Optional.of("skipped: created by Calico or its operator");
        }
        return Optional.empty();
    }

    private static TreeSet<String> calicoKinds() {
        TreeSet<String> kinds = new TreeSet<>();
        Kinds.all().stream().filter(k -> k.group().equals(Kinds.CALICO_GROUP)).forEach(k -> kinds.add(k.group() + "/" + k.kind()));
        return kinds;
    }

    private static List<String> builtInPacks() {
        return TemplateLibrary.load("templates", List.of()).groups();
    }

    private static List<ImportRow> rows(List<Resource> candidates, List<PackRecogniser.Match> whole,
                                        List<PackRecogniser.Match> all, boolean adoptNames) {
        Map<ResourceId, String> byPack = new LinkedHashMap<>();
        whole.forEach(m -> m.exact().forEach(id -> byPack.put(id, "pack " + m.pack())));
        if (adoptNames) {
            whole.forEach(m -> m.renames().forEach(n -> byPack.put(n.live(), "pack " + m.pack()
                    + " (its '" + n.packName() + "', live name kept: adoptNames)")));
        }
        Map<ResourceId, Rename> renamed = new LinkedHashMap<>();
        all.forEach(m -> m.renames().forEach(r -> renamed.putIfAbsent(r.live(), r)));
        List<ImportRow> out = new ArrayList<>();
        for (Resource r : candidates) {
            if (byPack.containsKey(r.id())) {
                out.add(new ImportRow(r.id(), ImportRow.Outcome.PACK, byPack.get(r.id())));
            } else if (renamed.containsKey(r.id())) {
                Rename n = renamed.get(r.id());
                out.add(new ImportRow(r.id(), ImportRow.Outcome.IMPORTED, "imported; pack " + n.pack()
                        + " renders the same as '" + n.packName() + "' (rename offered below)"));
            } else {
                out.add(new ImportRow(r.id(), ImportRow.Outcome.IMPORTED, "imported"));
            }
        }
        return out;
    }

}
