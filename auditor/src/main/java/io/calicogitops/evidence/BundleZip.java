package io.calicogitops.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A bundle zip as {@code verify} reads it: every file entry hashed while streaming (so a large or hostile zip is never
 * held in memory), entries that occur twice, and the bytes of the manifest and its signature. Directory entries carry
 * no content and are skipped (a bundle unpacked and zipped again with {@code zip -r} still verifies).
 */
record BundleZip(SortedMap<String, BundleFile> files, SortedMap<String, String> unreadable, List<String> duplicates,
                 Optional<byte[]> manifest, Optional<byte[]> signature) {

    /** The manifest and signature are read into memory; nothing a real bundle holds comes near this. */
    private static final int MAX_DESCRIPTOR_BYTES = 64 * 1024 * 1024;

    BundleZip {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        unreadable = Collections.unmodifiableSortedMap(new TreeMap<>(unreadable));
        duplicates = List.copyOf(duplicates);
    }

    static BundleZip read(Path zip, String display) {
        if (!Files.isRegularFile(zip)) {
            throw new NotABundleException(display + ": no such file");
        }
        SortedMap<String, BundleFile> files = new TreeMap<>();
        SortedMap<String, String> unreadable = new TreeMap<>();
        List<String> duplicates = new ArrayList<>();
        byte[] manifest = null;
        byte[] signature = null;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(file.entries())) {
                if (e.isDirectory()) {
                    continue;
                }
                if (files.containsKey(e.getName()) || unreadable.containsKey(e.getName())) {
                    duplicates.add(e.getName());
                    continue;
                }
                try (InputStream in = file.getInputStream(e)) {
                    if (BundleLayout.describesBundle(e.getName())) {
                        byte[] bytes = in.readNBytes(MAX_DESCRIPTOR_BYTES + 1);
                        if (bytes.length > MAX_DESCRIPTOR_BYTES) {
                            throw new NotABundleException(display + ": " + e.getName() + " is larger than 64 MiB");
                        }
                        files.put(e.getName(), BundleFile.of(e.getName(), bytes));
                        if (e.getName().equals(BundleLayout.MANIFEST)) {
                            manifest = bytes;
                        } else {
                            signature = bytes;
                        }
                    } else {
                        files.put(e.getName(), hash(e.getName(), in));
                    }
                } catch (IOException damaged) {
                    // The entry's compressed bytes were altered in place (inflating fails or ends early): the file
                    // is as good as changed.
                    unreadable.put(e.getName(), String.valueOf(damaged.getMessage()));
                }
            }
        } catch (ZipException e) {
            throw new NotABundleException(display + " is not a zip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new NotABundleException("cannot read " + display + ": " + e.getMessage());
        }
        return new BundleZip(files, unreadable, duplicates, Optional.ofNullable(manifest), Optional.ofNullable(signature));
    }

    private static BundleFile hash(String path, InputStream in) throws IOException {
        try {
            DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"));
            long size = digest.transferTo(java.io.OutputStream.nullOutputStream());
            return new BundleFile(path, HexFormat.of().formatHex(digest.getMessageDigest().digest()), size);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
