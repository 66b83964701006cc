package io.calicogitops.render;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.fleet.ClusterProfile;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Decides which overlays a cluster gets (their {@code when} holds), then enforces {@code requires} and {@code conflictsWith}. */
final class OverlayResolver {

    private OverlayResolver() {
    }

    static List<Overlay> resolve(ClusterProfile profile, Map<String, Object> view, List<Overlay> all, Diagnostics diagnostics) {
        List<Overlay> applied = all.stream().filter(o -> Overlay.matches(o.when(), view)).toList();
        Set<String> names = applied.stream().map(Overlay::name).collect(Collectors.toSet());
        Set<String> known = all.stream().map(Overlay::name).collect(Collectors.toSet());
        for (Overlay o : applied) {
            for (String required : o.requires()) {
                if (!names.contains(required)) {
                    diagnostics.error(where(profile, o.when()), "[" + profile.name() + "] overlay '" + o.name()
                            + "' requires overlay '" + required + "', which does not apply to this cluster",
                            known.contains(required) ? null : "no overlay is named '" + required + "'");
                }
            }
            for (Overlay.Conflict c : o.conflicts()) {
                // A conflict is reported once, by the overlay that declares it.
                if (names.contains(c.overlay()) && Overlay.matches(c.when(), view)) {
                    diagnostics.error(where(profile, o.when()), "[" + profile.name() + "] overlays '" + o.name()
                            + "' and '" + c.overlay() + "' cannot be combined: " + c.message(), c.hint());
                }
            }
        }
        return applied;
    }

    /** The profile line that switched the overlay on: the first of its {@code when} keys the profile writes. */
    private static SourceLocation where(ClusterProfile profile, Map<String, ?> when) {
        return when.keySet().stream().sorted()
                .map(k -> "/" + k.replace(".", "/"))
                .map(profile::locate)
                .filter(l -> l.line() > profile.origin().line())
                .findFirst().orElse(profile.origin());
    }
}
