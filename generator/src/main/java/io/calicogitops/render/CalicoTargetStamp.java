package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.validate.CalicoTarget;

import java.util.Locale;
import java.util.Optional;

/**
 * Carries a cluster's Calico target from the profile to the audit, which reads only {@code clusters/<name>/}: as
 * annotations on the folder's {@code kustomization.yaml} ({@code metadata} is a field of kustomize's Kustomization
 * type, and kustomize applies only {@code commonAnnotations} to resources, so the build output is unchanged). Nothing
 * is written for Calico Cloud, the target of a profile that names none.
 */
public final class CalicoTargetStamp {

    public static final String EDITION = "calico-gitops.io/calico-edition";
    public static final String VERSION = "calico-gitops.io/calico-version";

    private CalicoTargetStamp() {
    }

    /** The {@code metadata:} block of the kustomization, empty for Calico Cloud. */
    static String metadata(CalicoTarget target) {
        if (target.equals(CalicoTarget.CLOUD)) {
            return "";
        }
        return "metadata:\n  annotations:\n    " + EDITION + ": " + target.editionKey() + "\n"
                + target.version().map(v -> "    " + VERSION + ": \"" + v + "\"\n").orElse("");
    }

    /**
     * The target a kustomization's annotations name: Cloud when they name none, empty when they name one this version
     * does not support (the caller reports it).
     */
    public static Optional<CalicoTarget> read(JsonNode kustomization) {
        JsonNode annotations = kustomization.path("metadata").path("annotations");
        if (!annotations.has(EDITION)) {
            return Optional.of(CalicoTarget.CLOUD);
        }
        CalicoTarget.Edition edition;
        try {
            edition = CalicoTarget.Edition.valueOf(annotations.path(EDITION).asText("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        JsonNode version = annotations.get(VERSION);
        return CalicoTarget.of(edition, version == null || version.isNull() ? null : version.asText()).target();
    }
}
