package io.calicogitops.evidence;

import java.util.List;
import java.util.Optional;

/**
 * One PCI DSS requirement as the mapping describes it: the standard's version and number, what it asks, the files
 * that evidence it, whether those files can evidence it completely (else what is outside the bundle is in the note),
 * the v4.0 number a v3.2.1 requirement became, how the Calico workshop meets it, where it says, and which check in the
 * bundle decides the status ({@link PciBasis}).
 */
public record PciRequirement(String standard, String id, String asks, List<EvidenceRef> evidence, boolean filesSuffice,
                             String note, Optional<String> successor, Optional<String> workshop, PciBasis basis) {

    public static final String V4 = "PCI DSS v4.0";
    public static final String V3 = "PCI DSS v3.2.1";

    public PciRequirement {
        evidence = List.copyOf(evidence);
    }
}
