package io.calicogitops.render;

import io.calicogitops.model.Resource;

import java.util.List;

/** A rendered document: the resource, the template it came from, the overlays that patched it, and a pointer-to-location lookup. */
public record RenderedResource(Resource resource, String template, List<String> patchedBy,
                               io.calicogitops.validate.Locator locate) {

    public RenderedResource {
        patchedBy = List.copyOf(patchedBy);
    }

    public RenderedResource withPatch(Resource patched, String overlay) {
        List<String> by = new java.util.ArrayList<>(patchedBy);
        by.add(overlay);
        return new RenderedResource(patched, template, by, locate);
    }
}
