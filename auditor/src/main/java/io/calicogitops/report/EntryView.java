package io.calicogitops.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.calicogitops.audit.Change;
import io.calicogitops.audit.DriftEntry;
import io.calicogitops.audit.DriftStatus;
import io.calicogitops.diag.SourceLocation;

import java.util.List;
import java.util.Locale;

/** One {@link DriftEntry} as every format shows it: labels, "where", the patch as an array, a one-line summary. */
record EntryView(DriftEntry entry) {

    /** {@code in-sync}, {@code modified}, ...: the status as it appears in every format. */
    static String statusLabel(DriftStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String status() {
        return statusLabel(entry.status());
    }

    String severity() {
        return entry.severity().label();
    }

    String kind() {
        return entry.id().kind();
    }

    /** {@code namespace/name}, or the name alone for a cluster-scoped resource. */
    String name() {
        var id = entry.id();
        return id.isNamespaced() ? id.namespace() + "/" + id.name() : id.name();
    }

    /** {@code path:line} of the resource in Git ({@code path} when the line is unknown), or null when not in Git. */
    String where() {
        // The record does not forbid a null Optional; a report must not fail on it.
        if (entry.desiredAt() == null || entry.desiredAt().isEmpty()) {
            return null;
        }
        SourceLocation at = entry.desiredAt().get();
        return at.line() == 0 ? at.file() : at.file() + ":" + at.line();
    }

    String ignoredBy() {
        return entry.ignoredBy() == null ? null : entry.ignoredBy().orElse(null);
    }

    /** The RFC 6902 patch; null, missing and JSON null all mean "no patch" and give an empty array. */
    ArrayNode patch() {
        JsonNode p = entry.patch();
        if (p == null || p.isMissingNode() || p.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!p.isArray()) {
            throw new IllegalArgumentException(entry.id().display() + ": patch must be an RFC 6902 array, got " + p.getNodeType());
        }
        return (ArrayNode) p;
    }

    List<Change> changes() {
        return entry.changes();
    }

    /** The first change's sentence, or a sentence made from the status when the entry has no changes. */
    String headline() {
        if (!entry.changes().isEmpty()) {
            return entry.changes().get(0).sentence();
        }
        return switch (entry.status()) {
            case IN_SYNC -> "in sync with Git";
            case MODIFIED -> "differs from Git";
            case MISSING -> "in Git but not in the cluster";
            case UNMANAGED -> "in the cluster but not in Git";
            case IGNORED -> "difference ignored by " + (ignoredBy() == null ? "an ignore rule" : ignoredBy());
        };
    }
}
