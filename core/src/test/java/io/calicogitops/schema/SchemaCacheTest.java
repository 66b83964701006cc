package io.calicogitops.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading and compiling the bundled CRDs: once per kind, every bundled file used, every schema compilable. */
class SchemaCacheTest {

    private static final List<String> TEMPLATES = List.of("""
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata: {name: security.p%d}
            spec: {tier: security, order: %d, selector: all(), egress: [{action: Allow}]}
            """, """
            apiVersion: projectcalico.org/v3
            kind: NetworkPolicy
            metadata: {name: platform.p%d, namespace: dev}
            spec: {tier: platform, order: %d, ingress: [{action: Deny}]}
            """, """
            apiVersion: crd.projectcalico.org/v1
            kind: NetworkPolicy
            metadata: {name: default.p%d, namespace: dev}
            spec: {order: %d}
            """, """
            apiVersion: projectcalico.org/v3
            kind: Tier
            metadata: {name: t%d}
            spec: {order: %d}
            """);

    @Test
    void validate_twoThousandDocumentsInParallel_compilesEachKindOnce() {
        CrdSchemas schemas = new CrdSchemas(CrdFlavour.ENTERPRISE);
        SchemaValidator validator = new SchemaValidator(schemas);
        List<JsonNode> documents = IntStream.range(0, 2000)
                .mapToObj(i -> SchemaFixtures.yaml(TEMPLATES.get(i % TEMPLATES.size()).formatted(i, i)))
                .toList();

        List<Diagnostic> errors = documents.parallelStream()
                .flatMap(d -> validator.validate(d, LocationLookup.file("gen.yaml")).stream())
                .toList();

        assertEquals(List.of(), errors);
        // GlobalNetworkPolicy, NetworkPolicy (projectcalico.org/v3 and crd.projectcalico.org/v1 share it), Tier.
        assertEquals(3, schemas.compileCount());
        documents.forEach(d -> validator.validate(d, LocationLookup.file("again.yaml")));
        assertEquals(3, schemas.compileCount());
    }

    @Test
    void find_twoKindsInOneInstance_keepTheirOwnSchemas() {
        CrdSchemas schemas = new CrdSchemas(CrdFlavour.ENTERPRISE);
        SchemaValidator validator = new SchemaValidator(schemas);
        JsonNode tier = SchemaFixtures.yaml("{apiVersion: projectcalico.org/v3, kind: Tier, metadata: {name: t},"
                + " spec: {defaultAction: Pass}}");
        JsonNode set = SchemaFixtures.yaml("{apiVersion: projectcalico.org/v3, kind: GlobalNetworkSet,"
                + " metadata: {name: t}, spec: {defaultAction: Pass}}");
        assertEquals(List.of(), validator.validate(tier, LocationLookup.file("t.yaml")));
        assertEquals(List.of("spec.defaultAction: unknown field"), validator.validate(set, LocationLookup.file("s.yaml"))
                .stream().map(Diagnostic::message).toList());
        assertEquals(2, schemas.compileCount());
    }

    @Test
    void shared_returnsOneInstancePerFlavour() {
        assertSame(CrdSchemas.shared(CrdFlavour.OSS), CrdSchemas.shared(CrdFlavour.OSS));
        assertEquals(CrdFlavour.OSS, SchemaValidator.of(CrdFlavour.OSS).flavour());
        assertEquals(CrdFlavour.ENTERPRISE, new SchemaValidator().flavour());
    }

    @ParameterizedTest
    @EnumSource(CrdFlavour.class)
    void find_everyKindOfTheFlavour_compilesWithoutLogging(CrdFlavour flavour) {
        CrdSchemas schemas = new CrdSchemas(flavour);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true));
            System.setErr(new PrintStream(captured, true));
            for (CrdFlavour.Source source : flavour.sources()) {
                for (String kind : source.kinds()) {
                    CrdSchemas.CrdSchema crd = schemas.find(source.apiGroup(), kind).orElseThrow();
                    assertEquals(kind, crd.kind());
                    assertTrue(schemas.has(source.apiGroup(), kind));
                }
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("", captured.toString());
    }

    @Test
    void bundledCrdFolder_holdsExactlyTheFilesTheFlavoursUse() throws IOException {
        Path crds = Path.of(System.getProperty("project.root", "..")).resolve("core/src/main/resources/crds");
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(crds)) {
            onDisk = files.filter(p -> p.toString().endsWith(".yaml"))
                    .map(p -> "crds/" + crds.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> used = Stream.of(CrdFlavour.values())
                .flatMap(f -> f.sources().stream())
                .flatMap(s -> s.kinds().stream().map(s::resource))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(onDisk, used);
        assertEquals(78, onDisk.size());
    }

    @Test
    void plural_followsTheKubernetesDefault() {
        assertEquals("networkpolicies", CrdFlavour.Source.plural("NetworkPolicy"));
        assertEquals("felixconfigurations", CrdFlavour.Source.plural("FelixConfiguration"));
        assertEquals("globalreporttypes", CrdFlavour.Source.plural("GlobalReportType"));
    }
}
