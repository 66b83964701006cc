package io.calicogitops.audit.live;

import io.calicogitops.model.Kinds;
import io.calicogitops.model.ResourceId;

import java.util.Objects;

/**
 * A requested kind, {@code group/Kind} ({@code /Service} for the core group). The v1 CRD group
 * {@code crd.projectcalico.org} names the same kinds as {@code projectcalico.org}, so it is folded into it.
 */
record KindKey(String group, String kind) implements Comparable<KindKey> {

    KindKey {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kind, "kind");
        group = V1Mapping.V1_GROUP.equals(group) ? Kinds.CALICO_GROUP : group;
    }

    /** Parses {@code group/Kind}; the group may be empty (core) but the slash is required. */
    static KindKey parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0 || slash == text.length() - 1 || text.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException(
                    "kind must be written group/Kind (e.g. projectcalico.org/Tier, /Service): " + text);
        }
        return new KindKey(text.substring(0, slash), text.substring(slash + 1));
    }

    /** The kind of a parsed object, from its {@code apiVersion} and {@code kind}. */
    static KindKey of(String apiVersion, String kind) {
        return new KindKey(ResourceId.groupOf(apiVersion), kind);
    }

    boolean isCalico() {
        return Kinds.CALICO_GROUP.equals(group);
    }

    @Override
    public int compareTo(KindKey o) {
        int byGroup = group.compareTo(o.group);
        return byGroup != 0 ? byGroup : kind.compareTo(o.kind);
    }

    @Override
    public String toString() {
        return group + "/" + kind;
    }
}
