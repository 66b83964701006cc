package io.calicogitops.evidence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code pci-dss-mapping.json}, schema {@value #SCHEMA_VERSION}: each requirement of {@link PciCatalogue} with its
 * evidence files, each marked included or not (a file that is not in the bundle, or only says that its source is not
 * available in this build, is not included and carries what to do instead), and a status worked out from those.
 */
final class PciMapping {

    static final String SCHEMA_VERSION = "calico-gitops/evidence-pci-mapping/v1";

    /** One requirement with, per evidence file, whether it is included, and the resulting status and note. */
    record Row(PciRequirement requirement, List<Boolean> included, EvidenceStatus status, String note) {
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
            EvidenceStatus status = n == 0 ? EvidenceStatus.NOT_INCLUDED
                    : n == included.size() && r.filesSuffice() && caveats.isEmpty() ? EvidenceStatus.EVIDENCED
                    : EvidenceStatus.PARTIAL;
            String note = caveats.isEmpty() ? r.note() : r.note() + " " + String.join(" ", caveats);
            rows.add(new Row(r, included, status, note));
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
        statuses.put(EvidenceStatus.EVIDENCED.label(), "every evidence file is in the bundle and the files can show all the requirement asks");
        statuses.put(EvidenceStatus.PARTIAL.label(), "some evidence is in the bundle; the note says what is missing or kept elsewhere");
        statuses.put(EvidenceStatus.NOT_INCLUDED.label(), "no evidence file is in the bundle; each says how to produce it");
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
