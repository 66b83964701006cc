package io.calicogitops.version;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The tool's version and the commit it was built from ({@code git describe --always --dirty} at build time, written
 * into the jar as {@value #RESOURCE} by the build): "dev" and "unknown" when run from classes that lack it, and
 * "unknown" for a build outside a Git clone. Shown by {@code --version} and written in evidence manifests.
 */
public record BuildInfo(String version, String commit) {

    static final String RESOURCE = "/io/calicogitops/build-info.properties";
    private static final BuildInfo CURRENT = load();

    public static BuildInfo current() {
        return CURRENT;
    }

    /** "0.1.0 (commit 1a2b3c4d)", as {@code --version} prints it. */
    public String display() {
        return version + " (commit " + commit + ")";
    }

    static BuildInfo load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new BuildInfo("dev", "unknown");
            }
            Properties p = new Properties();
            p.load(in);
            return from(p);
        } catch (IOException e) {
            throw new UncheckedIOException("read " + RESOURCE, e);
        }
    }

    static BuildInfo from(Properties p) {
        return new BuildInfo(value(p, "version", "dev"), value(p, "commit", "unknown"));
    }

    private static String value(Properties p, String key, String otherwise) {
        String v = p.getProperty(key, "").strip();
        // An unexpanded ${...} means the build step did not run: say so rather than print the placeholder.
        return v.isEmpty() || v.startsWith("${") ? otherwise : v;
    }
}
