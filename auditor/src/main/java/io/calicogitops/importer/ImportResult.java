package io.calicogitops.importer;

import io.calicogitops.audit.AuditReport;

import java.util.List;
import java.util.Optional;

/**
 * What an import did: the profile and pack folder it wrote (as shown to the user), the packs it recognised, every live
 * object's outcome, the renames it offers, the commit of the render, and the audit of that commit against the same
 * live state.
 */
public record ImportResult(String profile, String importedPack, List<String> packs, List<ImportRow> rows,
                           List<Rename> renames, Optional<String> commitId, AuditReport audit) {

    public ImportResult {
        packs = List.copyOf(packs);
        rows = List.copyOf(rows);
        renames = List.copyOf(renames);
    }
}
