package io.calicogitops.evidence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/**
 * {@code pci-dss-mapping.json}, schema {@value #SCHEMA_VERSION}: each requirement of {@link PciCatalogue} with its
 * evidence files, each marked included or not (a file that is not in the bundle, or only says that its source is not
 * available in this build, is not included and carries what to do instead), a status worked out from those and from
 * the row's check ({@link PciChecks}), and the files the status was derived from ({@code derivedFrom}).
 */
final class PciMapping {

    static final String SCHEMA_VERSION = "calico-gitops/evidence-pci-mapping/v1";

    /**
     * One requirement with, per evidence file, whether it is included, the resulting status and note, and the bundle
     * files the status was derived from (none when not evidenced: the note then says why).
     */
    record Row(PciRequirement requirement, List<Boolean> included, EvidenceStatus status, String note, List<String> derivedFrom) {
    }

    private final String cluster;
    private final List<Row> rows;

    private PciMapping(String cluster, List<Row> rows) {
        this.cluster = cluster;
        this.rows = List.copyOf(rows);
    }

    static PciMapping of(BundleFacts facts) {
        List<Row> rows = new ArrayList<>();
        for (PciRequirement r : PciCatalogue.of(facts)) {
            List<Boolean> included = r.evidence().stream().map(e -> included(facts, e.path())).toList();
            long n = included.stream().filter(b -> b).count();
            List<String> caveats = new ArrayList<>();
            for (SourceFiles s : facts.sources()) {
                boolean used = r.evidence().stream().anyMatch(e -> s.files().containsKey(e.path()));
                if (used && s.available()) {
                    s.caveat().ifPresent(caveats::add);
                }
            }
            PciChecks.Verdict verdict = PciChecks.of(facts, r.basis());
            EvidenceStatus status = n == 0 ? EvidenceStatus.NOT_EVIDENCED
                    : n == included.size() && r.filesSuffice() && caveats.isEmpty() ? EvidenceStatus.EVIDENCED
                    : EvidenceStatus.PARTIAL;
            // A check can only lower a status: "not met" over anything, "partial" over "evidenced".
            if (status != EvidenceStatus.NOT_EVIDENCED && verdict.forces().isPresent()) {
                EvidenceStatus forced = verdict.forces().get();
                status = forced == EvidenceStatus.NOT_MET || status == EvidenceStatus.EVIDENCED ? forced : status;
            }
            Set<String> derived = new LinkedHashSet<>();
            List<String> absent = new ArrayList<>();
            for (int i = 0; i < included.size(); i++) {
                EvidenceRef e = r.evidence().get(i);
                if (included.get(i)) {
                    derived.add(e.path());
                } else if (!e.whenAbsent().isEmpty() && !absent.contains(e.whenAbsent())) {
                    absent.add(e.whenAbsent());
                }
            }
            derived.addAll(verdict.read());
            List<String> parts = new ArrayList<>();
            if (!verdict.note().isEmpty()) {
                parts.add(verdict.note());
            }
            parts.add(r.note());
            parts.addAll(caveats);
            if (status == EvidenceStatus.NOT_EVIDENCED) {
                derived.clear();
                parts.add("Not evidenced: none of its files is in this bundle (" + String.join("; ", absent) + ").");
            }
            rows.add(new Row(r, included, status, String.join(" ", parts), List.copyOf(derived)));
        }
        return new PciMapping(facts.cluster(), rows);
    }

    List<Row> rows() {
        return rows;
    }

    /**
     * A path is included when the bundle has it (a folder: any file under it) and, for files an evidence source
     * writes, that source was available; the index and the mapping are always written.
     */
    static boolean included(BundleFacts facts, String path) {
        if (path.equals(BundleLayout.INDEX) || path.equals(BundleLayout.PCI_MAPPING)) {
            return true;
        }
        for (SourceFiles s : facts.sources()) {
            if (s.files().containsKey(path) && !s.available()) {
                return false;
            }
        }
        return facts.has(path);
    }

    byte[] toJson() {
        ObjectNode root = JsonText.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("cluster", cluster);
        ObjectNode statuses = root.putObject("statuses");
        statuses.put(EvidenceStatus.EVIDENCED.label(), "every evidence file is in the bundle, its check passed, and the files can show all the requirement asks");
        statuses.put(EvidenceStatus.PARTIAL.label(), "some evidence is in the bundle, or its check could not run on the live state; the note says what is missing or kept elsewhere");
        statuses.put(EvidenceStatus.NOT_MET.label(), "a check in the bundle shows the requirement is not met (segmentation violated, drift, a broken drift log); the note says where");
        statuses.put(EvidenceStatus.NOT_EVIDENCED.label(), "no evidence file is in the bundle; each says how to produce it");
        ArrayNode list = root.putArray("requirements");
        for (Row row : rows) {
            PciRequirement r = row.requirement();
            ObjectNode node = list.addObject();
            node.put("standard", r.standard());
            node.put("requirement", r.id());
            r.successor().ifPresent(s -> node.put("v4Requirement", s));
            node.put("asks", r.asks());
            r.workshop().ifPresent(w -> node.put("workshop", w));
            node.put("status", row.status().label());
            node.put("note", row.note());
            node.put("basis", r.basis().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            ArrayNode derived = node.putArray("derivedFrom");
            row.derivedFrom().forEach(derived::add);
            ArrayNode evidence = node.putArray("evidence");
            for (int i = 0; i < r.evidence().size(); i++) {
                EvidenceRef e = r.evidence().get(i);
                ObjectNode item = evidence.addObject().put("path", e.path()).put("shows", e.shows())
                        .put("included", row.included().get(i));
                if (!row.included().get(i)) {
                    item.put("notIncluded", e.whenAbsent().isEmpty() ? "not included" : e.whenAbsent());
                }
            }
        }
        return JsonText.bytes(root);
    }

    Optional<Row> row(String standard, String id) {
        return rows.stream().filter(r -> r.requirement().standard().equals(standard) && r.requirement().id().equals(id)).findFirst();
    }
}
