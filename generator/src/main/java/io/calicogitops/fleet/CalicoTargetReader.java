package io.calicogitops.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.validate.CalicoTarget;
import io.calicogitops.yaml.MappingReader;

import java.util.List;
import java.util.Locale;

/**
 * Reads the profile's {@code calico: {edition, version}}: which Calico the cluster runs, so that validation applies
 * that release's rules. Absent means Calico Cloud, the rules the tool has always applied.
 */
final class CalicoTargetReader {

    static final Section CALICO = Section.of("calico", "edition", "version");

    private CalicoTargetReader() {
    }

    /** The target, or Calico Cloud when the key is absent or wrong (the problem is then in the diagnostics). */
    static CalicoTarget read(MappingReader root) {
        return CALICO.read(root, CalicoTargetReader::target).orElse(CalicoTarget.CLOUD);
    }

    private static CalicoTarget target(MappingReader r) {
        if (!r.has("edition")) {
            r.diagnostics().error(r.here(), r.pathOf("edition") + ": required (cloud, enterprise or oss)");
            return CalicoTarget.CLOUD;
        }
        String edition = r.oneOf("edition", null, List.of("cloud", "enterprise", "oss"));
        JsonNode version = r.raw("version");
        if (version != null && !version.isNull() && !version.isTextual()) {
            // YAML reads 3.30 as the number 3.3: only a string keeps what the user wrote.
            r.error("version", "expected a string, got " + MappingReader.describe(version),
                    "quote it, e.g. version: \"3.30\" (YAML reads 3.30 as the number 3.3)");
            return CalicoTarget.CLOUD;
        }
        if (edition == null) {
            return CalicoTarget.CLOUD;
        }
        CalicoTarget.Result result = CalicoTarget.of(CalicoTarget.Edition.valueOf(edition.toUpperCase(Locale.ROOT)),
                r.string("version", null));
        result.problem().ifPresent(p -> {
            if (r.has("version")) {
                r.error("version", p);
            } else {
                r.diagnostics().error(r.here(), r.pathOf("version") + ": " + p);
            }
        });
        return result.target().orElse(CalicoTarget.CLOUD);
    }
}
