package io.calicogitops.evidence;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.ignore.IgnoreRules;
import io.calicogitops.git.PathCommit;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything gathered for one bundle before the manifest is written: the content files by bundle path, and the facts
 * that the PCI mapping and {@code index.html} describe them with.
 */
record BundleFacts(ExportRequest request, RepoOrigin repo, CommitRange range, List<PathCommit> commits,
                   Optional<AuditReport> audit, SourceFiles history, SourceFiles driftLog, SourceFiles evaluation,
                   Optional<IgnoreRules> ignore,
                   SortedMap<String, byte[]> files) {

    BundleFacts {
        commits = List.copyOf(commits);
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** The evidence sources, in the order the index lists them. */
    List<SourceFiles> sources() {
        return List.of(history, driftLog, evaluation);
    }

    String cluster() {
        return request.cluster();
    }

    boolean has(String path) {
        return path.endsWith("/") ? files.keySet().stream().anyMatch(p -> p.startsWith(path)) : files.containsKey(path);
    }

    /** The desired-state files whose names say they are PCI policies (the sample packs name them {@code *pci*}). */
    List<String> pciPolicyFiles() {
        String folder = BundleLayout.desiredFolder(cluster());
        return files.keySet().stream().filter(p -> p.startsWith(folder))
                .filter(p -> p.substring(folder.length()).toLowerCase(Locale.ROOT).contains("pci")).toList();
    }
}
