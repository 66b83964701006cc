package io.calicogitops.query;

import io.calicogitops.diag.InvalidValueException;
import io.calicogitops.fleet.ClusterProfile;
import io.calicogitops.policy.Protocols;
import io.calicogitops.policy.SegmentationCheck;
import io.calicogitops.policy.SourcePorts;

import java.util.ArrayList;
import java.util.List;

/** Runs the segmentation check with the label and exceptions of the profile (or given ones). */
public final class Segmentation {

    private Segmentation() {
    }

    /** {@code label} is {@code KEY} or {@code KEY=VALUE} (value "true" when left out); null: the profile's segmentation or PCI label. */
    public static SegmentationReport check(LoadedModel loaded, String label) {
        return check(loaded, label, loaded.sourcePorts());
    }

    /** As {@link #check(LoadedModel, String)}, clients using {@code sourcePorts}: allowed from any of them is a violation. */
    public static SegmentationReport check(LoadedModel loaded, String label, SourcePorts sourcePorts) {
        String spec = label;
        List<SegmentationCheck.AllowedFlow> exceptions = new ArrayList<>();
        if (loaded.profile().isPresent()) {
            ClusterProfile p = loaded.profile().get();
            if (spec == null) {
                spec = p.segmentation().label() != null ? p.segmentation().label() : p.pci().label();
            }
            for (ClusterProfile.AllowedFlow f : p.segmentation().allowedFlows()) {
                exceptions.add(new SegmentationCheck.AllowedFlow(f.from(), f.to(),
                        f.protocol() == null ? -1 : Protocols.number(f.protocol()).orElse(-1), f.port() == null ? -1 : f.port()));
            }
        }
        if (spec == null) {
            spec = "PCI";
        }
        int eq = spec.indexOf('=');
        String key = eq < 0 ? spec : spec.substring(0, eq);
        String value = eq < 0 ? "true" : spec.substring(eq + 1);
        if (key.isBlank()) {
            throw new InvalidValueException("label", "expected KEY or KEY=VALUE (got '" + label + "')");
        }
        SegmentationCheck.Result result = SegmentationCheck.run(loaded.model(), loaded.model().compiled(), key, value, exceptions, sourcePorts);
        return new SegmentationReport(loaded.cluster(), loaded.policySource(), result);
    }
}
