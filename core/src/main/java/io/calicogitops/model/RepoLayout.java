package io.calicogitops.model;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where a cluster's rendered folder lives in the GitOps repository: the one place that knows, for the generator and
 * for every reader (audit, history, evidence, the policy questions, apply). The default is
 * {@code clusters/<name>/calico/}: {@code flux bootstrap --path=clusters/<name>} writes its own {@code flux-system/}
 * and a {@code kustomization.yaml} into {@code clusters/<name>/}, which the generator used to own as a whole, so the
 * two overwrote each other. {@code clusters/<name>/}, the layout before, stays available (profile key
 * {@code layout: cluster}) and readable: a reader takes the {@code calico/} folder when the commit has one, else the
 * cluster folder, so repositories rendered before keep auditing unchanged.
 */
public final class RepoLayout {

    /** The top folder of every cluster. */
    public static final String CLUSTERS = "clusters";
    /** The sub-folder of {@code clusters/<name>/} the generator writes by default. */
    public static final String SUBFOLDER = "calico";

    /** Which of the two layouts a cluster is rendered with. */
    public enum Style {
        /** {@code clusters/<name>/calico/} (default): leaves {@code clusters/<name>/} to Flux's bootstrap. */
        CALICO_SUBFOLDER("calico"),
        /** {@code clusters/<name>/}: the layout before; collides with {@code flux bootstrap --path=clusters/<name>}. */
        CLUSTER_FOLDER("cluster");

        private final String key;

        Style(String key) {
            this.key = key;
        }

        /** The profile value ({@code layout: calico | cluster}). */
        public String key() {
            return key;
        }
    }

    /** The style of a profile that names none. */
    public static final Style DEFAULT = Style.CALICO_SUBFOLDER;

    private RepoLayout() {
    }

    /** {@code clusters/<name>}, the folder of everything about one cluster (the layout before, and Flux's path). */
    public static String clusterRoot(String cluster) {
        return CLUSTERS + "/" + cluster;
    }

    /** The folder the generator writes for {@code cluster} in {@code style}, without a trailing slash. */
    public static String folder(String cluster, Style style) {
        return style == Style.CALICO_SUBFOLDER ? clusterRoot(cluster) + "/" + SUBFOLDER : clusterRoot(cluster);
    }

    /** The folder of the default style. */
    public static String folder(String cluster) {
        return folder(cluster, DEFAULT);
    }

    /**
     * The folder a reader takes for {@code cluster} at one commit: {@code clusters/<name>/calico} when
     * {@code hasFiles} says that folder holds files, else {@code clusters/<name>} (a repository rendered before).
     * (DesiredState applies the same rule while reading the tree once.)
     */
    public static String locate(String cluster, Predicate<String> hasFiles) {
        String current = folder(cluster, Style.CALICO_SUBFOLDER);
        return hasFiles.test(current) ? current : clusterRoot(cluster);
    }

    /**
     * The cluster a repository path holds a resource file of, in either layout: {@code clusters/<c>/<file>.yaml} or
     * {@code clusters/<c>/calico/<file>.yaml}; {@code kustomization.yaml}, README and files deeper down are not.
     */
    public static Optional<String> clusterOfResourcePath(String path) {
        String[] parts = path.split("/", -1);
        boolean legacy = parts.length == 3;
        boolean current = parts.length == 4 && parts[2].equals(SUBFOLDER);
        if (!(legacy || current) || !parts[0].equals(CLUSTERS) || parts[1].isEmpty()) {
            return Optional.empty();
        }
        String file = parts[parts.length - 1];
        boolean yaml = file.endsWith(".yaml") || file.endsWith(".yml");
        boolean kustomization = file.equals("kustomization.yaml") || file.equals("kustomization.yml");
        return yaml && !kustomization ? Optional.of(parts[1]) : Optional.empty();
    }
}
