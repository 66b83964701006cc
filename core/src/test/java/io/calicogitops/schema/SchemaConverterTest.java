package io.calicogitops.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.calicogitops.schema.SchemaFixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The OpenAPI v3 (structural CRD) to JSON Schema rewrite, keyword by keyword. */
class SchemaConverterTest {

    @Test
    void convert_intOrString_becomesATypeUnionWithoutAnyOf() {
        assertEquals(yaml("{type: [integer, string], pattern: ^.*}"), OpenApiConverter.convert(yaml("""
                anyOf: [{type: integer}, {type: string}]
                pattern: ^.*
                x-kubernetes-int-or-string: true
                description: a port
                """)));
    }

    @Test
    void convert_nullable_addsNullToTheType() {
        assertEquals(yaml("{type: [string, 'null']}"), OpenApiConverter.convert(yaml("{type: string, nullable: true}")));
    }

    @Test
    void convert_objectWithProperties_isClosedUnlessItPreservesUnknownFields() {
        assertEquals(yaml("{type: object, properties: {a: {type: string}}, additionalProperties: false}"),
                OpenApiConverter.convert(yaml("{type: object, properties: {a: {type: string}}}")));
        assertEquals(yaml("{type: object, properties: {a: {type: string}}}"), OpenApiConverter.convert(yaml(
                "{type: object, properties: {a: {type: string}}, x-kubernetes-preserve-unknown-fields: true}")));
        assertEquals(yaml("{type: object, additionalProperties: {type: string}}"),
                OpenApiConverter.convert(yaml("{type: object, additionalProperties: {type: string}}")));
        assertEquals(yaml("{type: object}"), OpenApiConverter.convert(yaml("{type: object}")));
    }

    @Test
    void convert_listTypeSet_requiresUniqueItems() {
        assertEquals(yaml("{type: array, items: {type: string}, uniqueItems: true}"), OpenApiConverter.convert(yaml(
                "{type: array, items: {type: string}, x-kubernetes-list-type: set}")));
        assertEquals(yaml("{type: array, items: {type: string}}"), OpenApiConverter.convert(yaml(
                "{type: array, items: {type: string}, x-kubernetes-list-type: atomic}")));
    }

    @Test
    void convert_otherKubernetesKeywordsAndUnknownFormats_areDropped() {
        assertEquals(yaml("{type: integer}"), OpenApiConverter.convert(yaml("""
                {type: integer, format: int32, default: 5,
                 x-kubernetes-validations: [{rule: self > 0, message: positive}], x-kubernetes-map-type: atomic}
                """)));
        assertEquals(yaml("{type: string, format: date-time}"),
                OpenApiConverter.convert(yaml("{type: string, format: date-time}")));
    }

    @Test
    void convert_allOfEnums_mergeIntoTheirIntersection() {
        assertEquals(yaml("{type: string, enum: [Deny, Pass]}"), OpenApiConverter.convert(yaml(
                "{type: string, allOf: [{enum: [Allow, Deny, Log, Pass]}, {enum: [Pass, Deny]}]}")));
    }

    @Test
    void converted_nullableAndPreservedFields_validateLikeTheApiServer() {
        JsonNode schema = OpenApiConverter.convert(yaml("""
                type: object
                properties:
                  note: {type: string, nullable: true}
                  extra: {type: object, properties: {a: {type: string}}, x-kubernetes-preserve-unknown-fields: true}
                  port: {anyOf: [{type: integer}, {type: string}], x-kubernetes-int-or-string: true}
                """));
        Schema compiled = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(schema);
        assertEquals(List.of(), compiled.validate(yaml("{note: null, extra: {a: x, b: 1}, port: http}")));
        assertEquals(List.of(), compiled.validate(yaml("{port: 8080}")));
        assertEquals(List.of("type"), compiled.validate(yaml("{port: true}")).stream()
                .map(com.networknt.schema.Error::getKeyword).toList());
    }
}
