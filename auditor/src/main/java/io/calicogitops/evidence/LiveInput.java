package io.calicogitops.evidence;

import io.calicogitops.audit.LiveReader;
import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.audit.live.FileLiveReader;
import io.calicogitops.audit.live.KubeLiveReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a bundle's live state comes from: a reader, and the local files it reads, whose paths (which may show a home
 * folder or a user name) are replaced by their file names wherever the reader mentions them.
 */
public record LiveInput(LiveReader reader, List<Path> localFiles) {

    public LiveInput {
        localFiles = List.copyOf(localFiles);
    }

    /** Snapshot files ({@code kubectl get -o yaml} output). */
    public static LiveInput files(List<Path> files) {
        return new LiveInput(new FileLiveReader(files), files);
    }

    /**
     * A cluster through a kubeconfig (the reader never reports the kubeconfig's credentials); without one, kubectl's
     * rules pick it ({@code KUBECONFIG}, else {@code ~/.kube/config}).
     */
    public static LiveInput cluster(Optional<Path> kubeconfig, Optional<String> context) {
        return new LiveInput(new KubeLiveReader(kubeconfig, context), kubeconfig.map(List::of).orElse(List.of()));
    }

    /** The snapshot files, which also hold workloads (Pods, Services) for the evaluator; none for a cluster. */
    List<Path> snapshotFiles() {
        return reader instanceof FileLiveReader ? localFiles : List.of();
    }

    /** How the bundle names the source: snapshot file names, never a kubeconfig's path or credentials. */
    String describe() {
        return reader instanceof FileLiveReader
                ? "files: " + String.join(", ", localFiles.stream().map(p -> redact(p.toString())).toList())
                : "the cluster, read at export";
    }

    /** The reader, with local paths in the snapshot's source replaced by file names. */
    LiveReader redacted() {
        return query -> {
            LiveSnapshot s = reader.read(query);
            return new LiveSnapshot(redact(s.source()), s.resources(), s.kindsRead());
        };
    }

    /** {@code text} with every local path replaced by its file name, longest path first. */
    String redact(String text) {
        List<String> forms = new ArrayList<>();
        for (Path p : localFiles) {
            forms.add(p.toAbsolutePath().normalize().toString());
            forms.add(p.toAbsolutePath().toString());
            forms.add(p.toString());
        }
        forms.sort(Comparator.comparingInt(String::length).reversed());
        String out = text;
        for (String form : forms) {
            Path name = Path.of(form).getFileName();
            if (!form.isEmpty() && name != null) {
                out = out.replace(form, name.toString());
            }
        }
        return out;
    }
}
