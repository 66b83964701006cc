package io.calicogitops.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.SortedMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a zip whose bytes depend only on the files: entries sorted by path, UTF-8 names, no directory entries, one
 * fixed time on every entry, no extra fields (so no extended timestamps), no comment, and deflate at one fixed level.
 * (The deflated bytes are those of the Java runtime's zlib; hashes in the manifest are over the uncompressed files,
 * so verification never depends on it.)
 */
final class DeterministicZip {

    // Stored with setTimeLocal, so no time zone conversion happens and no extended timestamp field is written.
    // February rather than January 1980 (as Gradle does): a reader west of UTC that converts DOS time never
    // lands before the DOS epoch.
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);
    static final int LEVEL = Deflater.BEST_COMPRESSION;

    private DeterministicZip() {
    }

    static byte[] write(SortedMap<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setMethod(ZipOutputStream.DEFLATED);
            zip.setLevel(LEVEL);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                if (f.getKey().endsWith("/") || f.getKey().startsWith("/") || f.getKey().contains("\\")) {
                    throw new IllegalArgumentException("not a bundle file path: " + f.getKey());
                }
                ZipEntry entry = new ZipEntry(f.getKey());
                entry.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(entry);
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("write zip", e);
        }
        return bytes.toByteArray();
    }
}
