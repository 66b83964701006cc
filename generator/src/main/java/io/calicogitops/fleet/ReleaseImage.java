package io.calicogitops.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The container image the release workflow publishes for this version ({@code .github/workflows/release.yml}, image
 * {@value #REPOSITORY}), the default {@code image} of the rendered scheduled-audit CronJob and watch Deployment.
 */
public final class ReleaseImage {

    /** The repository the release workflow pushes to; a test keeps the workflow's IMAGE and this in step. */
    public static final String REPOSITORY = "ghcr.io/calico-gitops/calico-gitops";
    static final String RESOURCE = "/io/calicogitops/fleet/release.properties";
    private static final String DEFAULT = REPOSITORY + ":" + tag(load());

    private ReleaseImage() {
    }

    /** {@value #REPOSITORY}:X.Y.Z, the tag the workflow pushes for a release tag vX.Y.Z. */
    public static String defaultImage() {
        return DEFAULT;
    }

    /**
     * The tag for a version: a snapshot build names the release it becomes ({@code 0.1.0-SNAPSHOT} -> {@code 0.1.0}),
     * because a pinned, published tag is what a cluster can pull (the workflow publishes no snapshots).
     */
    static String tag(String version) {
        return version.endsWith("-SNAPSHOT") ? version.substring(0, version.length() - "-SNAPSHOT".length()) : version;
    }

    private static String load() {
        try (InputStream in = ReleaseImage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: the build writes it");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            if (!v.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?")) {
                throw new IllegalStateException(RESOURCE + ": version '" + v + "' was not written by the build");
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException("read " + RESOURCE, e);
        }
    }
}
