package io.calicogitops.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A bundle zip as {@code verify} reads it: the names of all its entries, the names that occur twice, and the bytes
 * of the manifest and its signature. Files are hashed only on request, streaming and up to a bound
 * ({@link #hash}), so a large or hostile zip is never held in memory nor read further than needed. Only entries of
 * the zip are ever read: no name in the zip or the manifest is resolved against the file system. Directory entries
 * carry no content and are not files (a bundle unpacked and zipped again with {@code zip -r} still verifies).
 */
final class BundleZip implements AutoCloseable {

    /** The manifest and signature are read into memory; nothing a real bundle holds comes near this. */
    private static final int MAX_DESCRIPTOR_BYTES = 64 * 1024 * 1024;

    /** A file hashed up to one byte past its declared size: its hash and size, or why it could not be read. */
    record Hashed(Optional<BundleFile> file, boolean larger, Optional<String> damage) {
    }

    private final ZipFile zip;
    private final List<String> names;
    private final SortedMap<String, ZipEntry> files;
    private final List<String> duplicates;
    private final Optional<byte[]> manifest;
    private final Optional<byte[]> signature;

    private BundleZip(ZipFile zip, List<String> names, SortedMap<String, ZipEntry> files, List<String> duplicates,
                      Optional<byte[]> manifest, Optional<byte[]> signature) {
        this.zip = zip;
        this.names = List.copyOf(names);
        this.files = Collections.unmodifiableSortedMap(files);
        this.duplicates = List.copyOf(duplicates);
        this.manifest = manifest;
        this.signature = signature;
    }

    static BundleZip open(Path path, String display) {
        if (!Files.isRegularFile(path)) {
            throw new NotABundleException(display + ": no such file");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw new NotABundleException(display + " is not a zip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new NotABundleException("cannot read " + display + ": " + e.getMessage());
        }
        try {
            List<String> names = new ArrayList<>();
            SortedMap<String, ZipEntry> files = new TreeMap<>();
            List<String> duplicates = new ArrayList<>();
            byte[] manifest = null;
            byte[] signature = null;
            for (ZipEntry e : Collections.list(zip.entries())) {
                names.add(e.getName());
                if (e.isDirectory()) {
                    continue;
                }
                if (files.putIfAbsent(e.getName(), e) != null) {
                    duplicates.add(e.getName());
                    continue;
                }
                if (e.getName().equals(BundleLayout.MANIFEST)) {
                    manifest = descriptor(zip, e, display, true);
                } else if (e.getName().equals(BundleLayout.SIGNATURE)) {
                    signature = descriptor(zip, e, display, false);
                }
            }
            return new BundleZip(zip, names, files, duplicates, Optional.ofNullable(manifest), Optional.ofNullable(signature));
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    /** Every entry name, directories included, in zip order. */
    List<String> names() {
        return names;
    }

    /** The names of file entries, sorted. */
    SortedSet<String> fileNames() {
        return new TreeSet<>(files.keySet());
    }

    List<String> duplicates() {
        return duplicates;
    }

    Optional<byte[]> manifest() {
        return manifest;
    }

    Optional<byte[]> signature() {
        return signature;
    }

    /** Hashes file entry {@code path}, reading at most {@code declaredSize} + 1 bytes of it. */
    Hashed hash(String path, long declaredSize) {
        ZipEntry entry = files.get(path);
        if (entry == null) {
            throw new IllegalArgumentException("no entry " + path);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            BoundedHash h = BoundedHash.of(in, declaredSize + 1);
            if (h.bytesRead() > declaredSize) {
                return new Hashed(Optional.empty(), true, Optional.empty());
            }
            return new Hashed(Optional.of(new BundleFile(path, h.sha256(), h.bytesRead())), false, Optional.empty());
        } catch (IOException damaged) {
            // The entry's compressed bytes were altered in place (inflating fails or ends early): as good as changed.
            return new Hashed(Optional.empty(), false, Optional.of(String.valueOf(damaged.getMessage())));
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    /** The bytes of the manifest or signature; a damaged signature reads as no valid signature, a damaged manifest ends verify. */
    private static byte[] descriptor(ZipFile zip, ZipEntry e, String display, boolean manifest) {
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes(MAX_DESCRIPTOR_BYTES + 1);
            if (bytes.length > MAX_DESCRIPTOR_BYTES) {
                throw new NotABundleException(display + ": " + e.getName() + " is larger than 64 MiB");
            }
            return bytes;
        } catch (IOException damaged) {
            if (!manifest) {
                return new byte[0];
            }
            throw new NotABundleException(display + ": " + e.getName() + " cannot be read (" + damaged.getMessage() + ")");
        }
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // Read-only: nothing is lost.
        }
    }
}
