package io.calicogitops.evidence;

import io.calicogitops.audit.AuditReport;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A written bundle: where, its size in bytes, its manifest, whether it is signed, the drift report it holds (when a
 * live source was given), how many PCI requirements have each status, and the status of each v4.0 requirement.
 */
public record ExportResult(Path out, long size, Manifest manifest, boolean signed, Optional<AuditReport> audit,
                           Map<EvidenceStatus, Long> pciStatuses, Map<String, EvidenceStatus> v4Statuses) {

    public ExportResult {
        pciStatuses = Map.copyOf(pciStatuses);
        v4Statuses = Map.copyOf(v4Statuses);
    }

    /** The status of a PCI DSS v4.0 requirement in the bundle's mapping. */
    public Optional<EvidenceStatus> requirementStatus(String v4Id) {
        return Optional.ofNullable(v4Statuses.get(v4Id));
    }
}
