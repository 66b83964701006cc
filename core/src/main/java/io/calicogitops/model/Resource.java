package io.calicogitops.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.SourceLocation;

import java.util.Objects;

/** A parsed Kubernetes document with its identity and where it came from (file and line, Git path at a commit, or the cluster). */
public record Resource(ResourceId id, JsonNode body, SourceLocation origin) {

    public Resource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(origin, "origin");
    }

    /** Reads identity from {@code apiVersion}, {@code kind} and {@code metadata}; callers validate presence first. */
    public static Resource of(JsonNode body, SourceLocation origin) {
        JsonNode meta = body.path("metadata");
        ResourceId id = ResourceId.of(
                body.path("apiVersion").asText(""),
                body.path("kind").asText(""),
                meta.path("namespace").asText(""),
                meta.path("name").asText(""));
        return new Resource(id, body, origin);
    }

    public String apiVersion() {
        return body.path("apiVersion").asText("");
    }

    public String kind() {
        return id.kind();
    }

    public JsonNode spec() {
        return body.path("spec");
    }
}
