package io.calicogitops.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import io.calicogitops.diag.Diagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Validates one rendered Kubernetes document against the real Calico and operator CRD schemas of a {@link CrdFlavour}:
 * apiVersion and kind, metadata, then the spec (OpenAPI schema, then the CRDs' CEL {@code x-kubernetes-validations}
 * rules), reporting every error at the most specific place it can.
 * Thread-safe; compiled schemas are shared through {@link CrdSchemas}.
 */
public final class SchemaValidator {

    /**
     * Schema errors after which the API server skips the CEL rules (apiextensions-apiserver's hasBlockingErr: a wrong
     * type or a value outside an enum), because rules written against the declared types cannot be trusted then.
     */
    private static final Set<String> BLOCKING = Set.of("type", "enum");

    private final CrdSchemas schemas;

    /** A validator for the default flavour, {@link CrdFlavour#ENTERPRISE}, on the process-wide schema cache. */
    public SchemaValidator() {
        this(CrdSchemas.shared(CrdFlavour.ENTERPRISE));
    }

    public SchemaValidator(CrdSchemas schemas) {
        this.schemas = Objects.requireNonNull(schemas, "schemas");
    }

    /** A validator on the process-wide schema cache of {@code flavour}. */
    public static SchemaValidator of(CrdFlavour flavour) {
        return new SchemaValidator(CrdSchemas.shared(flavour));
    }

    public CrdFlavour flavour() {
        return schemas.flavour();
    }

    /**
     * Every error in {@code document}, sorted by location; empty when it is valid. Each error is placed by asking
     * {@code where} for the most specific JSON pointer involved (e.g. {@code /spec/ingress/0/action}).
     * The document is not modified.
     */
    public List<Diagnostic> validate(JsonNode document, LocationLookup where) {
        List<Finding> findings = new ArrayList<>();
        if (document == null || !document.isObject()) {
            findings.add(Finding.at(DocPath.ROOT, "expected a Kubernetes object with apiVersion, kind and metadata, got "
                    + ErrorTranslator.jsonType(document)));
        } else {
            KindResolver.resolve(document, schemas, findings).ifPresent(target -> {
                findings.addAll(MetadataCheck.check(document, new MetadataCheck.Rules(target.kind(),
                        target.namespaced(), target.tieredPolicy(), target.scopeKnown())));
                if (target.crd() != null) {
                    findings.addAll(validateAgainstCrd(document, target));
                }
            });
        }
        return findings.stream()
                .map(f -> f.warning() ? Diagnostic.warning(where.locate(f.path().pointer()), f.message(), f.hint())
                        : Diagnostic.error(where.locate(f.path().pointer()), f.message(), f.hint()))
                .distinct()
                .sorted()
                .toList();
    }

    private List<Finding> validateAgainstCrd(JsonNode document, KindResolver.Target target) {
        CrdSchemas.CrdSchema crd = target.crd();
        JsonNode pruned = SchemaWalk.pruneNulls(document, crd.schema());
        ErrorTranslator translator = new ErrorTranslator(flavour(), crd.schema(), enterpriseSchema(target));
        List<Error> errors = crd.compiled().validate(pruned);
        List<Finding> findings = new ArrayList<>(translator.translate(errors));
        if (errors.stream().noneMatch(e -> BLOCKING.contains(e.getKeyword()))) {
            findings.addAll(CelCheck.check(crd.rules(), pruned, errors.isEmpty()));
        }
        return findings;
    }

    /** For another flavour: the Enterprise schema of the same kind, loaded only if an unknown field needs a hint. */
    private Supplier<JsonNode> enterpriseSchema(KindResolver.Target target) {
        if (flavour() == CrdFlavour.ENTERPRISE) {
            return () -> null;
        }
        return () -> {
            Optional<CrdSchemas.CrdSchema> other = CrdSchemas.shared(CrdFlavour.ENTERPRISE)
                    .find(target.group(), target.kind());
            return other.map(CrdSchemas.CrdSchema::schema).orElse(null);
        };
    }
}
