package io.calicogitops.evidence;

import io.calicogitops.version.BuildInfo;

import io.calicogitops.render.Generator;
import io.calicogitops.render.RepoUpdate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Repositories, requests and zip surgery for the evidence tests. */
final class EvidenceFixtures {

    /** The build the test bundles name: fixed, since the real commit changes with every commit. */
    static final BuildInfo TOOL = new BuildInfo("test", "0123abc-dirty");
    static final Instant GENERATED = Instant.parse("2026-11-22T10:00:00Z");
    /** An interval around any commit a test makes "now". */
    static final Instant SINCE = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2100-12-31T23:59:59Z");

    private EvidenceFixtures() {
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    }

    static Path liveSnapshot(String cluster) {
        return projectRoot().resolve("sample-repo/live/" + cluster + ".yaml");
    }

    /** The sample fleet's clusters rendered into a new repository {@code dir} (one commit). */
    static Path renderedRepo(Path dir, String... clusters) {
        Path fleet = projectRoot().resolve("sample-repo/fleet");
        RepoUpdate.write(new Generator().render(new Generator.RenderRequest(fleet, Optional.empty(), Optional.empty(),
                List.of(clusters), Path::toString)), dir, false, false, "render " + String.join(", ", clusters));
        return dir;
    }

    /** An export request with test defaults; change what a test needs with the withers. */
    record Export(Path repo, String cluster, Instant since, Instant until, Optional<LiveInput> live, Optional<Path> ignore,
                  Instant generatedAt, Optional<PrivateKey> key, EvidenceSources sources) {

        static Export of(Path repo, String cluster) {
            return new Export(repo, cluster, SINCE, UNTIL, Optional.empty(), Optional.empty(), GENERATED, Optional.empty(),
                    EvidenceSources.standard());
        }

        Export live(Path... files) {
            return new Export(repo, cluster, since, until, Optional.of(LiveInput.files(List.of(files))), ignore, generatedAt, key, sources);
        }

        Export live(LiveInput input) {
            return new Export(repo, cluster, since, until, Optional.of(input), ignore, generatedAt, key, sources);
        }

        Export interval(Instant from, Instant to) {
            return new Export(repo, cluster, from, to, live, ignore, generatedAt, key, sources);
        }

        Export ignore(Path file) {
            return new Export(repo, cluster, since, until, live, Optional.of(file), generatedAt, key, sources);
        }

        Export generatedAt(Instant at) {
            return new Export(repo, cluster, since, until, live, ignore, at, key, sources);
        }

        Export signedWith(PrivateKey k) {
            return new Export(repo, cluster, since, until, live, ignore, generatedAt, Optional.of(k), sources);
        }

        Export sources(EvidenceSources s) {
            return new Export(repo, cluster, since, until, live, ignore, generatedAt, key, s);
        }

        ExportResult to(Path out) {
            return new Evidence().export(new ExportRequest(repo, cluster, "HEAD", since, until, live, ignore, generatedAt,
                    TOOL, key, sources, out));
        }
    }

    /** Every entry of a zip, in zip order. */
    static Map<String, byte[]> entries(Path zip) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(file.entries())) {
                try (InputStream in = file.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String text(Path zip, String path) {
        byte[] bytes = entries(zip).get(path);
        if (bytes == null) {
            throw new AssertionError(path + " is not in " + zip);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A copy of {@code zip} at {@code out} with its entries changed by {@code edit} (as someone with a zip tool would). */
    static Path rewrite(Path zip, Path out, Consumer<Map<String, byte[]>> edit) {
        Map<String, byte[]> files = entries(zip);
        edit.accept(files);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return Files.write(out, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
