package io.calicogitops.git;

import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A git-style unified diff of one file, computed with JGit's histogram diff. */
public final class UnifiedDiff {

    private UnifiedDiff() {
    }

    public static String of(FileChange c) {
        byte[] a = c.before() == null ? new byte[0] : c.before();
        byte[] b = c.after() == null ? new byte[0] : c.after();
        RawText ra = new RawText(a);
        RawText rb = new RawText(b);
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                .diff(RawTextComparator.DEFAULT, ra, rb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter f = new DiffFormatter(out)) {
            String from = c.type() == FileChange.Type.ADDED ? "/dev/null" : "a/" + c.path();
            String to = c.type() == FileChange.Type.REMOVED ? "/dev/null" : "b/" + c.path();
            out.write(("--- " + from + "\n+++ " + to + "\n").getBytes(StandardCharsets.UTF_8));
            f.format(edits, ra, rb);
            f.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
