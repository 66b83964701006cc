package io.calicogitops.history;

import java.util.Locale;

/**
 * What a commit did to one resource. {@code PROMOTED}: a staged policy replaced by its enforced twin in one commit;
 * {@code DEMOTED}: the reverse.
 */
public enum ChangeType {
    CREATED, MODIFIED, DELETED, PROMOTED, DEMOTED;

    /** {@code created}, {@code modified}, ...: the name in every output format. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Kubernetes audit verb Calico's policy-audit report would count it under (promotions count as changes). */
    public String verb() {
        return switch (this) {
            case CREATED -> "create";
            case DELETED -> "delete";
            case MODIFIED, PROMOTED, DEMOTED -> "patch";
        };
    }
}
