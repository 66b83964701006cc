package io.calicogitops.importer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.diag.CalicoGitOpsException;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.UsageException;
import io.calicogitops.fleet.AdoptNames;
import io.calicogitops.fleet.Fleet;
import io.calicogitops.yaml.YamlWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/** The files an import writes into the fleet: the refusal to overwrite, the profile's content, and the writing itself. */
final class ImportFiles {

    private ImportFiles() {
    }

    static void refuseToOverwrite(ImportRequest request, Path profileFile, Path packDir) {
        if (request.force()) {
            return;
        }
        Diagnostics ignored = new Diagnostics();
        boolean named = Files.isDirectory(request.fleetDir())
                && Fleet.read(request.fleetDir(), request.display(), ignored).clusters().stream()
                .anyMatch(p -> p.name().equals(request.cluster()));
        if (named || Files.exists(profileFile) || Files.exists(packDir)) {
            throw new UsageException("the fleet already has cluster '" + request.cluster() + "' ("
                    + request.display().apply(Files.exists(profileFile) || named ? profileFile : packDir)
                    + "): importing again would overwrite it; force the import to replace it");
        }
    }

    static ObjectNode profile(ObjectNode base, List<PackRecogniser.Match> whole, Optional<String> imported) {
        ObjectNode profile = base.deepCopy();
        var packs = profile.putArray("packs");
        whole.forEach(m -> packs.add(m.pack()));
        imported.ifPresent(packs::add);
        whole.forEach(m -> profile.setAll(m.values()));
        ObjectNode adopt = JsonNodeFactory.instance.objectNode();
        whole.stream().flatMap(m -> m.renames().stream()).sorted(Comparator.comparing(Rename::live)).forEach(n ->
                adopt.put(AdoptNames.keyOf(n.live().kind(), n.live().namespace(), n.packName()), n.live().name()));
        if (!adopt.isEmpty()) {
            profile.set("adoptNames", adopt);
        }
        return profile;
    }

    static void write(Path profileFile, Path packDir, ObjectNode profile, SortedMap<String, String> files) {
        try {
            Files.createDirectories(profileFile.getParent());
            Files.writeString(profileFile, "# Written by calico-gitops import from the cluster's live state.\n"
                    + new YamlWriter().write(profile));
            if (Files.isDirectory(packDir)) {
                try (var old = Files.list(packDir)) {
                    for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".yaml.mustache")).toList()) {
                        Files.delete(p);
                    }
                }
            }
            if (!files.isEmpty()) {
                Files.createDirectories(packDir);
                for (Map.Entry<String, String> f : files.entrySet()) {
                    Files.writeString(packDir.resolve(f.getKey()), f.getValue());
                }
            }
        } catch (IOException e) {
            throw new CalicoGitOpsException("write the imported profile and pack: " + e.getMessage(), e);
        }
    }
}
