package io.calicogitops.importer;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.Resource;
import io.calicogitops.yaml.YamlWriter;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns live objects into the files of a pack: one {@code <kind>-<name>.yaml.mustache} per object, named as the
 * render names its output, holding the object verbatim after a comment that says where it came from.
 */
final class PackFiles {

    private PackFiles() {
    }

    /**
     * File name -> text. An object whose text holds {@code {{} or {@code }}} cannot be a Mustache template verbatim
     * (the strict engine would read it as a tag): it is reported and nothing is written.
     */
    static SortedMap<String, String> of(List<Resource> objects, String source, Diagnostics diagnostics) {
        YamlWriter yaml = new YamlWriter();
        SortedMap<String, String> files = new TreeMap<>();
        for (Resource r : objects) {
            String body = yaml.write(r.body());
            if (body.contains("{{") || body.contains("}}")) {
                diagnostics.error(r.origin(), r.id().display() + ": holds '{{' or '}}', which a pack template cannot"
                        + " hold verbatim", "remove the braces from the live object, or add it to a pack by hand");
                continue;
            }
            String name = Kinds.fileName(r.id()).replaceAll("\\.yaml$", ".yaml.mustache");
            files.put(name, "# Imported verbatim from " + source + " by calico-gitops import (server fields removed).\n" + body);
        }
        return files;
    }
}
