package io.calicogitops.cli;

import io.calicogitops.audit.LiveReader;
import io.calicogitops.audit.live.FileLiveReader;
import io.calicogitops.audit.live.KubeLiveReader;
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

    /** Cluster access through a kubeconfig: the shared options, here one side of the choice of source. */
    static final class Kube extends KubeconfigOptions {
    }

    @Option(names = "--in-cluster", description = "the cluster this runs in, with the pod's ServiceAccount"
            + " (the scheduled audit's CronJob)")
    boolean inCluster;

    boolean isFiles() {
        return live != null;
    }

    Optional<String> context() {
        return kube == null ? Optional.empty() : kube.contextName();
    }

    /**
     * The source a command that must read a cluster uses when none was named: the kubeconfig by kubectl's rules
     * ({@code KUBECONFIG}, else {@code ~/.kube/config}).
     */
    static LiveSourceOptions kubeconfigDefaults() {
        LiveSourceOptions o = new LiveSourceOptions();
        o.kube = new Kube();
        return o;
    }

    LiveReader reader() {
        if (isFiles()) {
            return new FileLiveReader(live);
        }
        if (!inCluster && kube != null && kube.file().isEmpty()
                && !kubeconfigAvailable(System.getenv(), System.getProperties())) {
            // kubectl would try localhost:8080 and fabric8 the in-cluster address: both only confuse. Say what is missing.
            throw new io.calicogitops.diag.UsageException("no cluster to read: give --live FILE, --kubeconfig FILE or"
                    + " --in-cluster, or set KUBECONFIG (no ~/.kube/config either)");
        }
        // In cluster: fabric8 configures itself from the ServiceAccount token and the KUBERNETES_SERVICE_* variables;
        // otherwise --kubeconfig, else KUBECONFIG's files, else ~/.kube/config (fabric8's autoConfigure, as kubectl).
        return new KubeLiveReader(inCluster ? Optional.empty() : kube.file(), context());
    }

    /**
     * Whether kubectl's rules find a kubeconfig or a pod's ServiceAccount: the {@code kubeconfig} property (fabric8
     * reads it before the variable), {@code KUBECONFIG}, {@code ~/.kube/config}, or {@code KUBERNETES_SERVICE_HOST}.
     */
    static boolean kubeconfigAvailable(java.util.Map<String, String> env, java.util.Properties props) {
        String listed = props.getProperty("kubeconfig", env.get("KUBECONFIG"));
        if (listed != null && !listed.isBlank()) {
            return true;
        }
        String home = props.getProperty("user.home");
        return (home != null && java.nio.file.Files.isRegularFile(Path.of(home, ".kube", "config")))
                || (env.get("KUBERNETES_SERVICE_HOST") != null && !env.get("KUBERNETES_SERVICE_HOST").isBlank());
    }

    /** How reports name the source before it is read: file names or the context, never credentials. */
    String describe() {
        if (isFiles()) {
            return "files: " + String.join(", ", live.stream().map(Path::toString).toList());
        }
        if (inCluster) {
            return "in-cluster service account";
        }
        if (kube.file().isEmpty() && kube.contextName().isEmpty()) {
            return "the current context of " + (System.getenv("KUBECONFIG") == null ? "~/.kube/config" : "the KUBECONFIG files");
        }
        return context().map(c -> "context " + c).orElse("the kubeconfig's current context");
    }
}
