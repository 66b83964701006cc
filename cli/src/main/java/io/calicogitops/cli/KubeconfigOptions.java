package io.calicogitops.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code --kubeconfig} and {@code --context}, with kubectl's rules when they are left out: the files {@code KUBECONFIG}
 * lists (separated by ':'; the first file that sets a value wins), else {@code ~/.kube/config}, else the pod's
 * ServiceAccount.
 */
class KubeconfigOptions {

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "kubeconfig file (default: the files KUBECONFIG lists, else ~/.kube/config)")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "kubeconfig context (default: the current one)")
    String context;

    Optional<Path> file() {
        return Optional.ofNullable(kubeconfig);
    }

    Optional<String> contextName() {
        return Optional.ofNullable(context);
    }
}
