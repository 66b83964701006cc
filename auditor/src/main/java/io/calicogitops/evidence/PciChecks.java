package io.calicogitops.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The verdict of a row's check ({@link PciBasis}), read from the bundle's files by {@link CheckResults}: a status it
 * forces (a violation or drift makes the row "not met"; a live state that could not be evaluated keeps it from
 * "evidenced"), what it says, and the files it read. When the bundle has a live state the live result decides, as it
 * is what the cluster enforces; a violation in Git decides too, since the next sync would enforce it.
 */
final class PciChecks {

    /** How many counter-examples the note quotes; the rest are in the check's file. */
    static final int QUOTED = 3;

    record Verdict(Optional<EvidenceStatus> forces, String note, List<String> read) {
        static Verdict none(String note) {
            return new Verdict(Optional.empty(), note, List.of());
        }
    }

    private PciChecks() {
    }

    static Verdict of(BundleFacts f, PciBasis basis) {
        return switch (basis) {
            case FILES -> Verdict.none("");
            case SEGMENTATION -> segmentation(f);
            case DIAGRAM -> diagram(f);
            case DRIFT -> drift(f);
            case DRIFT_LOG -> driftLog(f);
        };
    }

    private static Verdict segmentation(BundleFacts f) {
        Optional<CheckResults.Segmentation> git = CheckResults.segmentation(f, BundleLayout.SEGMENTATION);
        if (git.isEmpty()) {
            return Verdict.none("No segmentation check in the bundle.");
        }
        Optional<CheckResults.Segmentation> live = CheckResults.segmentation(f, BundleLayout.SEGMENTATION_LIVE);
        List<String> read = new ArrayList<>(List.of(git.get().path()));
        live.ifPresent(l -> read.add(l.path()));
        Optional<CheckResults.Replay> replay = CheckResults.replay(f);
        replay.ifPresent(r -> read.add(BundleLayout.FLOW_REPLAY));
        // Only a replay in which every record agrees lets the row say the observed traffic matches Git.
        String observed = replay.map(r -> r.agrees()
                ? " Observed traffic consistent with the policies in Git: " + r.records() + " flow-log records replayed, all agree ("
                        + BundleLayout.FLOW_REPLAY + ")."
                : " Observed traffic: " + r.disagreed() + " of " + r.records() + " flow-log records disagree with the policies in Git"
                        + (r.records() == 0 ? " (no records)" : "") + "; see " + BundleLayout.FLOW_REPLAY_TEXT + ".").orElse("");
        String both = "Segmentation: Git: " + git.get().words() + " / Live: "
                + live.map(CheckResults.Segmentation::words).orElse("no live state in the bundle, so this status is computed from Git only") + "."
                + observed;
        if (live.isPresent() && live.get().violated()) {
            return new Verdict(Optional.of(EvidenceStatus.NOT_MET), both + " " + quote(live.get(), BundleLayout.SEGMENTATION_LIVE_TEXT), read);
        }
        if (git.get().violated()) {
            return new Verdict(Optional.of(EvidenceStatus.NOT_MET), both + " " + quote(git.get(), BundleLayout.SEGMENTATION_TEXT), read);
        }
        if (live.isPresent() && !live.get().proves()) {
            return new Verdict(Optional.of(EvidenceStatus.PARTIAL), both + " The live state is in the bundle but could not be "
                    + "proved segmented, so Git's result alone does not evidence it.", read);
        }
        if (!git.get().proves() || replay.isPresent() && !replay.get().agrees()) {
            return new Verdict(Optional.of(EvidenceStatus.PARTIAL), both, read);
        }
        return new Verdict(Optional.empty(), both, read);
    }

    private static String quote(CheckResults.Segmentation s, String all) {
        List<String> x = s.counterExamples();
        return x.size() + " allowed flows cross the boundary, e.g. " + String.join("; ", x.subList(0, Math.min(QUOTED, x.size())))
                + " (all with traces in " + all + ").";
    }

    private static Verdict diagram(BundleFacts f) {
        byte[] git = f.files().get(BundleLayout.NETWORK_DIAGRAM);
        if (git == null) {
            return Verdict.none("No network diagram in the bundle.");
        }
        if (!f.has(BundleLayout.SEGMENTATION_LIVE)) {
            return new Verdict(Optional.empty(), "Drawn from Git at the end commit only: the bundle has no live state.",
                    List.of(BundleLayout.NETWORK_DIAGRAM));
        }
        byte[] live = f.files().get(BundleLayout.NETWORK_DIAGRAM_LIVE);
        if (live == null) {
            String why = CheckResults.segmentation(f, BundleLayout.SEGMENTATION_LIVE).map(CheckResults.Segmentation::reason).orElse("");
            return new Verdict(Optional.of(EvidenceStatus.PARTIAL), "Drawn from Git only: the live state could not be evaluated ("
                    + why + "; see " + BundleLayout.SEGMENTATION_LIVE + ").", List.of(BundleLayout.NETWORK_DIAGRAM, BundleLayout.SEGMENTATION_LIVE));
        }
        return new Verdict(Optional.empty(), "Drawn from Git at the end commit and from the live state at export; they "
                + (Arrays.equals(git, live) ? "show the same workloads and flows." : "differ (workloads or allowed flows): the live one "
                + "shows what is enforced."), List.of(BundleLayout.NETWORK_DIAGRAM, BundleLayout.NETWORK_DIAGRAM_LIVE));
    }

    private static Verdict drift(BundleFacts f) {
        return CheckResults.drift(f).map(d -> d.inSync()
                ? new Verdict(Optional.empty(), "Drift report at export: in sync with Git.", List.of(BundleLayout.DRIFT_JSON))
                : new Verdict(Optional.of(EvidenceStatus.NOT_MET), "Drift report at export: DRIFT (" + d.worst() + "): "
                        + d.differing() + " resources differ from Git.", List.of(BundleLayout.DRIFT_JSON)))
                .orElse(Verdict.none("No drift report: the bundle was exported without a live source."));
    }

    private static Verdict driftLog(BundleFacts f) {
        return CheckResults.driftLogValid(f).map(valid -> valid
                ? new Verdict(Optional.empty(), "The drift log's hash chain verified at export.", List.of(BundleLayout.DRIFT_LOG_VERIFY))
                : new Verdict(Optional.of(EvidenceStatus.NOT_MET), "The drift log's hash chain does NOT verify: its history "
                        + "cannot be relied on.", List.of(BundleLayout.DRIFT_LOG_VERIFY)))
                .orElse(Verdict.none("No verified drift log in the bundle."));
    }
}
