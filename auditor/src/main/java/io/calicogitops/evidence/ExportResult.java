package io.calicogitops.evidence;

import io.calicogitops.audit.AuditReport;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A written bundle: where, its size in bytes, its manifest, whether it is signed, the drift report it holds (when a
 * live source was given) and how many PCI requirements it evidences, partly evidences or does not include.
 */
public record ExportResult(Path out, long size, Manifest manifest, boolean signed, Optional<AuditReport> audit,
                           Map<EvidenceStatus, Long> pciStatuses) {

    public ExportResult {
        pciStatuses = Map.copyOf(pciStatuses);
    }
}
