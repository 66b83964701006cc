package io.calicogitops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.model.ResourceId;

import java.util.List;
import java.util.Optional;

/**
 * The audit result for one resource: status, overall severity, the RFC 6902 patch that turns the normalised live
 * object into the normalised desired one (empty unless MODIFIED), the human sentences, where the resource is in Git,
 * and for IGNORED entries the rule that matched.
 */
public record DriftEntry(ResourceId id, DriftStatus status, DriftSeverity severity, JsonNode patch,
                         List<Change> changes, Optional<SourceLocation> desiredAt, Optional<String> ignoredBy) {

    public DriftEntry {
        changes = List.copyOf(changes);
    }

    public boolean isDrift() {
        return status == DriftStatus.MODIFIED || status == DriftStatus.MISSING || status == DriftStatus.UNMANAGED;
    }
}
