package io.calicogitops.history;

import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.model.ResourceId;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * The bytes of a cached {@link CacheSegment}: a header naming the format, the analysis version and the folder, every
 * step (commit id, commit time, and the analysis of a commit that changed the folder: exactly the fields the report
 * prints), then a CRC-32C of all that. Anything that does not decode completely, with the right header and checksum,
 * is no segment: a truncated or damaged file reads as a cache miss, never as a shorter history.
 */
final class SegmentCodec {

    private static final int MAGIC = 0x43474831; // "CGH1"
    private static final HexFormat HEX = HexFormat.of();

    private SegmentCodec() {
    }

    /** The bytes; IllegalArgumentException when the segment holds what the format cannot carry exactly. */
    static byte[] encode(CacheSegment segment, String version) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        CRC32C crc = new CRC32C();
        // The checksum is taken as the bytes are written (DataOutputStream does not buffer), then appended.
        try (DataOutputStream out = new DataOutputStream(new CheckedOutputStream(bytes, crc))) {
            out.writeInt(MAGIC);
            string(out, version);
            string(out, segment.prefix());
            string(out, segment.next().orElse(""));
            out.writeInt(segment.steps().size());
            for (WalkStep s : segment.steps()) {
                id(out, s.id());
                out.writeLong(s.time().getEpochSecond());
                out.writeBoolean(s.touched());
                if (s.touched()) {
                    result(out, s.result());
                }
            }
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The segment, or empty when the bytes are damaged, of another format or analysis version, or of another folder. */
    static Optional<CacheSegment> decode(byte[] data, String version, String prefix) {
        if (data.length < 8) {
            return Optional.empty();
        }
        CRC32C crc = new CRC32C();
        crc.update(data, 0, data.length - 4);
        ByteBuffer in = ByteBuffer.wrap(data);
        if ((int) crc.getValue() != in.getInt(data.length - 4) || in.getInt() != MAGIC) {
            return Optional.empty();
        }
        try {
            if (!string(in).equals(version) || !string(in).equals(prefix)) {
                return Optional.empty();
            }
            String next = string(in);
            int n = in.getInt();
            List<WalkStep> steps = new ArrayList<>(Math.max(0, Math.min(n, data.length / 29)));
            for (int i = 0; i < n; i++) {
                String id = id(in);
                Instant time = Instant.ofEpochSecond(in.getLong());
                steps.add(new WalkStep(id, time, in.get() != 0 ? result(in, id, time) : null));
            }
            if (in.position() != data.length - 4 || steps.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new CacheSegment(prefix, steps, next.isEmpty() ? Optional.empty() : Optional.of(next)));
        } catch (BufferUnderflowException | IllegalArgumentException | NullPointerException e) {
            // A checksum that matches damaged bytes is unlikely, but a wrong history is worse than a slow one.
            return Optional.empty();
        }
    }

    private static void result(DataOutputStream out, CommitAnalyser.Result r) throws IOException {
        HistoryCommit c = r.commit();
        out.writeInt(c.parents().size());
        for (String p : c.parents()) {
            id(out, p);
        }
        string(out, c.author());
        string(out, c.authorEmail());
        string(out, c.committer());
        string(out, c.message());
        out.writeInt(c.changes().size());
        for (ResourceChange ch : c.changes()) {
            string(out, ch.cluster());
            resourceId(out, ch.id());
            string(out, ch.apiVersion());
            string(out, ch.change().name());
            string(out, ch.severity().name());
            string(out, ch.path());
            out.writeBoolean(ch.previousId().isPresent());
            if (ch.previousId().isPresent()) {
                resourceId(out, ch.previousId().get());
            }
            strings(out, ch.sentences());
        }
        strings(out, r.warnings());
    }

    private static CommitAnalyser.Result result(ByteBuffer in, String id, Instant time) {
        List<String> parents = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            parents.add(id(in));
        }
        String author = string(in);
        String authorEmail = string(in);
        String committer = string(in);
        String message = string(in);
        List<ResourceChange> changes = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            String cluster = string(in);
            ResourceId rid = resourceId(in);
            String apiVersion = string(in);
            ChangeType type = ChangeType.valueOf(string(in));
            DriftSeverity severity = DriftSeverity.valueOf(string(in));
            String path = string(in);
            Optional<ResourceId> previous = in.get() != 0 ? Optional.of(resourceId(in)) : Optional.empty();
            changes.add(new ResourceChange(cluster, rid, apiVersion, type, severity, path, previous, strings(in)));
        }
        HistoryCommit commit = new HistoryCommit(id, parents, author, authorEmail, committer, time, message, changes);
        return new CommitAnalyser.Result(commit, strings(in));
    }

    private static void resourceId(DataOutputStream out, ResourceId id) throws IOException {
        string(out, id.group());
        string(out, id.kind());
        string(out, id.namespace());
        string(out, id.name());
    }

    private static ResourceId resourceId(ByteBuffer in) {
        return new ResourceId(string(in), string(in), string(in), string(in));
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            string(out, s);
        }
    }

    private static List<String> strings(ByteBuffer in) {
        List<String> out = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            out.add(string(in));
        }
        return out;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (!wellFormed(s)) {
            // UTF-8 cannot carry an unpaired surrogate (it would come back as '?'): such a segment is not cached.
            throw new IllegalArgumentException("text that UTF-8 cannot carry");
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(ByteBuffer in) {
        int n = count(in);
        String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /** A SHA-1 commit id as its 20 bytes; any other id (a SHA-256 repository) is not cached. */
    private static void id(DataOutputStream out, String id) throws IOException {
        if (id.length() != 40) {
            throw new IllegalArgumentException("not a SHA-1 id: " + id);
        }
        out.write(HEX.parseHex(id));
    }

    private static String id(ByteBuffer in) {
        byte[] raw = new byte[20];
        in.get(raw);
        return HEX.formatHex(raw);
    }

    /** A length or count, which a damaged file could make negative or larger than what is left. */
    private static int count(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new IllegalArgumentException("bad length " + n);
        }
        return n;
    }
}
