package io.calicogitops.policy;

import io.calicogitops.model.Resource;
import io.calicogitops.validate.Locator;

/** A resource with a way to point into where it is written (file, line, column of any JSON pointer). */
public record SourceDocument(Resource resource, Locator locator) {

    public static SourceDocument of(Resource r) {
        return new SourceDocument(r, Locator.fixed(r.origin()));
    }
}
