package io.calicogitops.importer;

import java.util.List;

/** The text an import prints: live object -> pack template, imported or skipped; the renames offered; what was written. */
public final class ImportTable {

    private ImportTable() {
    }

    public static String text(ImportResult result) {
        StringBuilder out = new StringBuilder();
        int width = Math.max(11, result.rows().stream().mapToInt(r -> label(r).length()).max().orElse(0));
        out.append(pad("LIVE OBJECT", width)).append("  GOES TO\n");
        for (ImportRow r : result.rows()) {
            out.append(pad(label(r), width)).append("  ").append(r.detail()).append('\n');
        }
        List<Rename> renames = result.renames();
        if (!renames.isEmpty()) {
            out.append("\nrenames offered (a follow-up commit: add the pack to the profile's packs, delete the object's"
                    + " file from ").append(result.importedPack()).append(", render, then apply --prune):\n");
            for (Rename n : renames) {
                out.append("  ").append(n.live().kind()).append(' ').append(n.live().display()).append(" -> ")
                        .append(n.packName()).append(" (pack ").append(n.pack()).append(")\n");
            }
        }
        out.append("\nSecrets are neither read nor imported (their values must never reach Git); only Calico kinds are"
                + " read, the kinds the audit reports when Git does not hold them.\n");
        long imported = result.rows().stream().filter(r -> r.outcome() == ImportRow.Outcome.IMPORTED).count();
        out.append("\nwrote ").append(result.profile()).append(" (packs: ")
                .append(result.packs().isEmpty() ? "none recognised" : String.join(", ", result.packs())).append(")");
        if (imported > 0) {
            out.append(" and ").append(result.importedPack()).append("/ (").append(imported).append(" objects)");
        }
        out.append('\n');
        out.append(result.commitId().map(id -> "committed " + id.substring(0, 12)).orElse("no changes to commit")).append('\n');
        out.append(result.audit().inSync() ? "audit against the same live state: in sync\n"
                : "audit against the same live state: " + result.audit().summary() + "\n");
        return out.toString();
    }

    private static String label(ImportRow r) {
        return r.id().display();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
