package io.calicogitops.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.calicogitops.diag.CalicoGitOpsException;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The bundled CRD schemas of one {@link CrdFlavour}, read from the classpath on first use and compiled once per kind.
 * Thread-safe: parallel rendering shares one instance ({@link #shared}).
 */
public final class CrdSchemas {

    /** One compiled CRD version: what a document of (group, kind) is validated against, schema and CEL rules. */
    record CrdSchema(String crdGroup, String kind, String version, boolean namespaced, JsonNode schema,
                     Schema compiled, CelRules rules) {
    }

    private static final Map<CrdFlavour, CrdSchemas> SHARED = new EnumMap<>(CrdFlavour.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNode NO_RULES = YAML.createObjectNode();

    private final CrdFlavour flavour;
    private final SchemaRegistry registry;
    private final Map<String, Memo> cache = new ConcurrentHashMap<>();
    private final AtomicInteger compileCount = new AtomicInteger();

    /** A private cache; most callers want {@link #shared(CrdFlavour)}. */
    public CrdSchemas(CrdFlavour flavour) {
        this.flavour = flavour;
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .preloadSchema(true)
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09,
                builder -> builder.schemaRegistryConfig(config));
        KubeCel.warmUpInBackground();
    }

    /** The process-wide instance for {@code flavour}. */
    public static CrdSchemas shared(CrdFlavour flavour) {
        synchronized (SHARED) {
            return SHARED.computeIfAbsent(flavour, CrdSchemas::new);
        }
    }

    public CrdFlavour flavour() {
        return flavour;
    }

    /** How many CRD schemas this instance has compiled so far (each kind at most once). */
    public int compileCount() {
        return compileCount.get();
    }

    /** True if this flavour bundles a CRD for {@code kind} in API group {@code apiGroup}. */
    public boolean has(String apiGroup, String kind) {
        return flavour.source(apiGroup).map(s -> s.kinds().contains(kind)).orElse(false);
    }

    /** The compiled schema for documents of {@code apiGroup}/{@code kind}, if this flavour bundles that CRD. */
    Optional<CrdSchema> find(String apiGroup, String kind) {
        return flavour.source(apiGroup)
                .filter(s -> s.kinds().contains(kind))
                .map(s -> cache.computeIfAbsent(s.resource(kind), r -> new Memo(s, kind)).get());
    }

    /** The compiled schema of a built-in Kubernetes kind (the same for every flavour; no CEL rules). */
    CrdSchema builtIn(KubeOpenApi.Kind kind) {
        String key = "kube:" + kind.apiVersion() + "/" + kind.kind();
        return cache.computeIfAbsent(key, k -> new Memo(() -> {
            JsonNode openApi = KubeOpenApi.shared().inlined(kind);
            return compile(key, kind.group(), kind.kind(), kind.version(), kind.namespaced(), openApi,
                    CelRules.compile(NO_RULES, key));
        })).get();
    }

    /** Compiles lazily under its own lock, so a slow kind (Installation) never blocks the others. */
    private final class Memo {
        private final Supplier<CrdSchema> loader;
        private CrdSchema value;

        Memo(CrdFlavour.Source source, String kind) {
            this(() -> load(source, kind));
        }

        Memo(Supplier<CrdSchema> loader) {
            this.loader = loader;
        }

        synchronized CrdSchema get() {
            if (value == null) {
                value = loader.get();
            }
            return value;
        }
    }

    private CrdSchema load(CrdFlavour.Source source, String kind) {
        return loadCrd(source, kind);
    }

    private CrdSchema loadCrd(CrdFlavour.Source source, String kind) {
        String resource = source.resource(kind);
        JsonNode crd;
        try (InputStream in = CrdSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new CalicoGitOpsException("bundled CRD missing from the classpath: " + resource);
            }
            crd = YAML.readTree(in);
        } catch (IOException e) {
            throw new CalicoGitOpsException("read bundled CRD " + resource, e);
        }
        JsonNode spec = crd.path("spec");
        if (!source.crdGroup().equals(spec.path("group").asText()) || !kind.equals(spec.path("names").path("kind").asText())) {
            throw new CalicoGitOpsException("bundled CRD " + resource + " does not define " + source.crdGroup() + " " + kind);
        }
        JsonNode version = pickVersion(spec, source.apiVersion(), resource);
        JsonNode openApi = version.path("schema").path("openAPIV3Schema");
        return compile(resource, source.crdGroup(), kind, version.path("name").asText(),
                "Namespaced".equals(spec.path("scope").asText()), openApi, CelRules.compile(openApi, resource));
    }

    private CrdSchema compile(String resource, String group, String kind, String version, boolean namespaced,
                              JsonNode openApi, CelRules rules) {
        JsonNode converted = OpenApiConverter.convert(openApi);
        // A distinct base IRI per CRD keeps the registry from ever confusing two anonymous schemas.
        Schema compiled = registry.getSchema(SchemaLocation.of("urn:calico-gitops:" + resource), converted);
        compiled.initializeValidators();
        compileCount.incrementAndGet();
        return new CrdSchema(group, kind, version, namespaced, converted, compiled, rules);
    }

    /**
     * The version named like the document's, else the storage version: Enterprise serves projectcalico.org/v3 from
     * crd.projectcalico.org/v1 CRDs with the same spec schema.
     */
    private static JsonNode pickVersion(JsonNode spec, String wanted, String resource) {
        JsonNode storage = null;
        for (JsonNode v : spec.path("versions")) {
            if (!v.path("served").asBoolean(false)) {
                continue;
            }
            if (wanted.equals(v.path("name").asText())) {
                return v;
            }
            if (storage == null || v.path("storage").asBoolean(false)) {
                storage = v;
            }
        }
        if (storage == null) {
            throw new CalicoGitOpsException("bundled CRD " + resource + " serves no version");
        }
        return storage;
    }
}
