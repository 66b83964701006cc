package io.calicogitops.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.audit.ResourceDiff;
import io.calicogitops.audit.normalise.Normaliser;
import io.calicogitops.audit.normalise.Side;
import io.calicogitops.diag.CalicoGitOpsException;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.calicogitops.render.Generator;
import io.calicogitops.render.RenderedResource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises a built-in pack in the live objects the honest way: render the pack with candidate profile values
 * ({@link PackGuesses}) and compare what it produces with the live objects through the audit's own diff. A pack counts
 * only if every object it renders is live and in sync (so the first audit after the import is clean); where it renders
 * the same spec as a live object under another name, the rename is offered instead.
 */
final class PackRecogniser {

    /** The helper pack that holds the live tiers while another pack is tried, so its policies' tiers exist. */
    static final String LIVE_TIERS = "live-tiers";

    /** A recognised pack: the values it needs, the live objects it renders exactly, and the renames it would need. */
    record Match(String pack, ObjectNode values, List<ResourceId> exact, List<Rename> renames) {
    }

    private final Scratch scratch;
    private final ObjectNode base;
    private final List<Resource> live;
    private final Map<ResourceId, Resource> byId = new LinkedHashMap<>();

    PackRecogniser(Scratch scratch, ObjectNode base, List<Resource> live) {
        this.scratch = scratch;
        this.base = base;
        this.live = List.copyOf(live);
        live.forEach(r -> byId.put(r.id(), r));
    }

    /** The first guess under which {@code pack} reproduces live objects, exactly or under other names. */
    Optional<Match> recognise(String pack) {
        for (ObjectNode values : PackGuesses.of(pack, live)) {
            Optional<Match> m = attempt(pack, values);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    private Optional<Match> attempt(String pack, ObjectNode values) {
        ObjectNode profile = base.deepCopy();
        profile.setAll(values);
        ArrayNode packs = profile.putArray("packs").add(pack);
        List<Resource> tiers = live.stream().filter(r -> r.id().kind().equals("Tier")).toList();
        Map<String, List<Resource>> extra = new LinkedHashMap<>();
        if (!pack.equals("tiers") && !tiers.isEmpty()) {
            packs.add(LIVE_TIERS);
            extra.put(LIVE_TIERS, tiers);
        }
        Path fleet = scratch.fleet(profile, extra);
        List<Resource> rendered;
        try {
            Generator.RenderResult result = new Generator(1).render(new Generator.RenderRequest(fleet, Optional.empty(),
                    Optional.empty(), List.of(), p -> p.getFileName().toString()));
            rendered = result.clusters().get(0).resources().stream()
                    .filter(r -> pack.equals(packOf(r.template()))).map(RenderedResource::resource).toList();
        } catch (CalicoGitOpsException e) {
            return Optional.empty(); // these values do not even render: not this pack
        }
        if (rendered.isEmpty()) {
            return Optional.empty();
        }
        List<ResourceId> exact = new ArrayList<>();
        List<Rename> renames = new ArrayList<>();
        for (Resource r : rendered) {
            Resource same = byId.get(r.id());
            if (same != null && ResourceDiff.of(r, same).inSync()) {
                exact.add(same.id());
                continue;
            }
            Optional<Resource> other = sameSpecOtherName(r);
            if (other.isEmpty()) {
                return Optional.empty();
            }
            renames.add(new Rename(other.get().id(), pack, r.id().name()));
        }
        return Optional.of(new Match(pack, values, exact, renames));
    }

    /** A live object of the same kind and namespace whose normalised body, name aside, equals {@code rendered}'s. */
    private Optional<Resource> sameSpecOtherName(Resource rendered) {
        JsonNode want = withoutName(Normaliser.standard().normalise(rendered, Side.DESIRED));
        return live.stream()
                .filter(l -> l.id().group().equals(rendered.id().group()) && l.id().kind().equals(rendered.id().kind())
                        && l.id().namespace().equals(rendered.id().namespace()) && !l.id().equals(rendered.id()))
                .filter(l -> withoutName(Normaliser.standard().normalise(l, Side.LIVE)).equals(want))
                .findFirst();
    }

    private static JsonNode withoutName(JsonNode body) {
        if (body.get("metadata") instanceof ObjectNode meta) {
            meta.remove("name");
        }
        return body;
    }

    /** The pack a rendered resource came from: the folder of its template ({@code templates/<pack>/<file>}). */
    static String packOf(String template) {
        String[] parts = template.replace('\\', '/').split("/");
        return parts.length >= 2 ? parts[parts.length - 2] : "";
    }
}
