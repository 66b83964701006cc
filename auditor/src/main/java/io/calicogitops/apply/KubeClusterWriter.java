package io.calicogitops.apply;

import io.calicogitops.audit.live.KubeObjectWriter;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** The {@link ClusterWriter} of a real cluster: each planned change as one call of the live package's object writer. */
public final class KubeClusterWriter implements ClusterWriter {

    private final KubeObjectWriter objects;

    /** Uses the standard kubeconfig rules (see {@code KubeLiveReader}). */
    public KubeClusterWriter(Optional<Path> kubeconfig, Optional<String> context) {
        this(new KubeObjectWriter(kubeconfig, context));
    }

    public KubeClusterWriter(KubeObjectWriter objects) {
        this.objects = objects;
    }

    @Override
    public void prepare(Set<String> kinds) {
        objects.prepare(kinds);
    }

    @Override
    public void write(PlannedChange change, ApplyStrategy strategy) {
        String namespace = change.id().namespace();
        if (change.action() == ApplyAction.DELETE) {
            objects.delete(change.kindKey(), namespace, change.name());
        } else if (strategy == ApplyStrategy.SERVER_SIDE) {
            objects.serverSideApply(change.kindKey(), namespace, change.name(), change.object().body());
        } else {
            objects.update(change.kindKey(), namespace, change.name(), change.object().body(), change.partial());
        }
    }

    @Override
    public void close() {
        objects.close();
    }
}
