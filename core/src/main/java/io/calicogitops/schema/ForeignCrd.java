package io.calicogitops.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.calicogitops.diag.CalicoGitOpsException;

import java.io.IOException;
import java.util.List;

/**
 * The OpenAPI schema of one served version of a CustomResourceDefinition the product does not bundle (Argo CD's
 * Application, Flux's Kustomization), for checking the bootstrap objects the generator writes for those tools with
 * the same conversion the bundled Calico CRDs get ({@link OpenApiConverter}). No CEL: the API server would run it.
 */
public final class ForeignCrd {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String apiVersion;
    private final String kind;
    private final Schema schema;

    private ForeignCrd(String apiVersion, String kind, Schema schema) {
        this.apiVersion = apiVersion;
        this.kind = kind;
        this.schema = schema;
    }

    /** Reads a CRD manifest and compiles the schema of its served version {@code version}. */
    public static ForeignCrd read(byte[] crdYaml, String version) {
        JsonNode crd;
        try {
            crd = YAML.readTree(crdYaml);
        } catch (IOException e) {
            throw new CalicoGitOpsException("read CRD: " + e.getMessage(), e);
        }
        JsonNode spec = crd.path("spec");
        for (JsonNode v : spec.path("versions")) {
            if (version.equals(v.path("name").asText()) && v.path("served").asBoolean(false)) {
                JsonNode converted = OpenApiConverter.convert(v.path("schema").path("openAPIV3Schema"));
                SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER)
                        .formatAssertionsEnabled(true).build();
                SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09,
                        b -> b.schemaRegistryConfig(config));
                String group = spec.path("group").asText();
                Schema compiled = registry.getSchema(SchemaLocation.of("urn:calico-gitops:foreign:" + group + "/" + version
                        + "/" + spec.path("names").path("kind").asText()), converted);
                compiled.initializeValidators();
                return new ForeignCrd(group + "/" + version, spec.path("names").path("kind").asText(), compiled);
            }
        }
        throw new CalicoGitOpsException("the CRD serves no version " + version);
    }

    /** Every schema error of {@code document} as {@code <pointer>: <message>}, plus a wrong apiVersion or kind; empty when valid. */
    public List<String> validate(JsonNode document) {
        if (!apiVersion.equals(document.path("apiVersion").asText()) || !kind.equals(document.path("kind").asText())) {
            return List.of("expected apiVersion " + apiVersion + " kind " + kind + ", got "
                    + document.path("apiVersion").asText() + " " + document.path("kind").asText());
        }
        List<Error> errors = schema.validate(document);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).sorted().toList();
    }
}
