package io.calicogitops.cli;

import io.calicogitops.audit.live.FileLiveReader;
import io.calicogitops.audit.live.KubeLiveReader;
import io.calicogitops.audit.LiveReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where the live state comes from, shared by the commands that read it: snapshot files, or a cluster by kubeconfig. */
final class LiveSourceOptions {

    @ArgGroup(exclusive = false)
    Kube kube;

    @Option(names = "--live", paramLabel = "FILE", arity = "1..*", converter = SnapshotFileConverter.class,
            description = "kubectl get -o yaml output (a List or multi-document YAML), instead of a cluster")
    List<Path> live;

    /**
     * A snapshot file; a URL is refused without being shown: {@code --live} takes several files, so a mistyped option
     * followed by a webhook URL (or a URL with a token) would otherwise be read as a file name and quoted in errors.
     */
    static final class SnapshotFileConverter implements picocli.CommandLine.ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (value.contains("://")) {
                throw new picocli.CommandLine.TypeConversionException(
                        "a URL is not a snapshot file (the value is not shown: URLs may carry credentials)");
            }
            return Path.of(value);
        }
    }

    /** Cluster access through a kubeconfig. */
    static final class Kube {
        @Option(names = "--kubeconfig", required = true, paramLabel = "FILE", description = "kubeconfig file")
        Path kubeconfig;

        @Option(names = "--context", paramLabel = "NAME", description = "kubeconfig context (default: current)")
        String context;
    }

    @Option(names = "--in-cluster", description = "the cluster this runs in, with the pod's ServiceAccount"
            + " (the scheduled audit's CronJob)")
    boolean inCluster;

    boolean isFiles() {
        return live != null;
    }

    Optional<String> context() {
        return kube == null ? Optional.empty() : Optional.ofNullable(kube.context);
    }

    LiveReader reader() {
        if (isFiles()) {
            return new FileLiveReader(live);
        }
        // No kubeconfig: fabric8 configures itself from the ServiceAccount token and the KUBERNETES_SERVICE_* variables.
        return new KubeLiveReader(inCluster ? Optional.empty() : Optional.of(kube.kubeconfig), context());
    }

    /** How reports name the source before it is read: file names or the context, never credentials. */
    String describe() {
        if (isFiles()) {
            return "files: " + String.join(", ", live.stream().map(Path::toString).toList());
        }
        if (inCluster) {
            return "in-cluster service account";
        }
        return context().map(c -> "context " + c).orElse("the kubeconfig's current context");
    }
}
