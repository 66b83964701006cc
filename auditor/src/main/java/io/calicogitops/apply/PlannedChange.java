package io.calicogitops.apply;

import io.calicogitops.audit.DriftEntry;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;

import java.util.Objects;
import java.util.Optional;

/**
 * One write apply will make: the action, the object as it will be written (stamped; for a delete, the live object),
 * the live object when there is one, whether only Git's fields are written ({@code partial}), and the audit's entry
 * that explains it (patch and sentences), absent for adoption and for prunes of kinds the audit does not report.
 */
public record PlannedChange(ApplyAction action, ResourceId id, Resource object, Optional<Resource> live, boolean partial,
                            Optional<DriftEntry> entry) {

    public PlannedChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(entry, "entry");
    }

    /** The name the API server knows the object by ({@code default.x} stays {@code default.x}). */
    public String name() {
        return object.body().path("metadata").path("name").asText(id.name());
    }

    /** {@code group/Kind}, as the live readers take kinds. */
    public String kindKey() {
        return id.group() + "/" + id.kind();
    }

    /** {@code create GlobalNetworkPolicy security.x}: how reports name a step. */
    public String describe() {
        return action.label() + " " + id.display();
    }
}
