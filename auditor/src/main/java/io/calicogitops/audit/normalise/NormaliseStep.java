package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.ResourceId;

/** One named rewrite of a resource body into the canonical form of something Calico treats as equal. */
public interface NormaliseStep {

    /** Short stable name; also the fixture folder {@code normalise/<name>/} that proves the step. */
    String name();

    /** Why the difference this step removes is not drift, citing calico-semantics.md. */
    String why();

    /**
     * Rewrites {@code body} in place. {@code side} lets a step treat Git and the cluster differently; the standard
     * steps apply to both sides alike, because applying a canonical form to an object already in it changes nothing.
     */
    void apply(ObjectNode body, ResourceId id, Side side);
}
