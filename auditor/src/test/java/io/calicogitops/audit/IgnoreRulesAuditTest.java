package io.calicogitops.audit;

import io.calicogitops.audit.ignore.IgnoreRules;
import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ignore rules ({@code --ignore FILE}) on the {@link DriftBench} set: what they hide, when they stop, how they are written. */
class IgnoreRulesAuditTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final String PCI = "security.pci-whitelist";

    @TempDir
    Path dir;

    @Test
    void pointerRule_onlyDifferenceIgnored_entryIsIgnoredAndTheAuditInSync() throws IOException {
        IgnoreRules rules = load("""
                ignore:
                  - kind: GlobalNetworkPolicy
                    name: security.block-*
                    pointer: /spec/order
                    owner: platform@example.com
                    reason: moved during the incident review
                    expires: 2026-12-31
                """);

        AuditReport report = new DriftBench()
                .change(b -> b.spec("GlobalNetworkPolicy", "security.block-ips").put("order", 450)).audit(rules, TODAY);

        DriftEntry entry = entry(report, "security.block-ips");
        assertEquals(DriftStatus.IGNORED, entry.status());
        assertEquals(DriftSeverity.WARNING, entry.severity());
        assertEquals(List.of("order: 300 -> 450"), sentences(entry));
        assertEquals("platform@example.com: moved during the incident review (until 2026-12-31) [ignore.yaml:2:5]",
                entry.ignoredBy().orElseThrow());
        assertTrue(report.inSync());
        assertEquals(List.of(), report.expiredIgnoreRules());
    }

    @Test
    void pointerRule_otherDifferencesRemain_entryIsModifiedWithTheRestAndItsPatchKeepsTheIgnoredPart() throws IOException {
        IgnoreRules rules = load("""
                ignore:
                  - kind: GlobalNetworkPolicy
                    name: security.pci-whitelist
                    pointer: /spec/order
                    owner: platform@example.com
                    reason: order under review
                    expires: 2026-12-31
                """);

        AuditReport report = new DriftBench().change(b -> {
            b.spec("GlobalNetworkPolicy", PCI).put("order", 5);
            b.rule(PCI, "egress", 1).put("action", "Allow");
        }).audit(rules, TODAY);

        DriftEntry entry = entry(report, PCI);
        assertEquals(DriftStatus.MODIFIED, entry.status());
        assertEquals(DriftSeverity.CRITICAL, entry.severity());
        assertEquals(List.of("egress rule 2: action Deny -> Allow"), sentences(entry));
        assertEquals("[{\"op\":\"replace\",\"path\":\"/spec/egress/1/action\",\"value\":\"Deny\"}]", entry.patch().toString(),
                "applying the patch must not undo the accepted order");
        assertFalse(report.inSync());
    }

    @Test
    void pointerRule_coversEverythingBelowThePointer() throws IOException {
        IgnoreRules rules = load("""
                ignore:
                  - {kind: GlobalNetworkPolicy, name: security.pci-whitelist, pointer: /spec/ingress, owner: a@example.com, reason: r, expires: 2026-12-31}
                """);

        AuditReport report = new DriftBench().change(b -> {
            b.rule(PCI, "ingress", 0).put("action", "Deny");
            b.rules(PCI, "ingress").remove(2);
        }).audit(rules, TODAY);

        assertEquals(DriftStatus.IGNORED, entry(report, PCI).status());
    }

    @ParameterizedTest(name = "kind {0}, namespace {1}, name {2} -> ignored {3}")
    @CsvSource({
            "NetworkPolicy, dev,  centos, true",
            "*Policy,       d?v,  cen*,   true",
            "*,             *,    *,      true",
            "NetworkPolicy, prod, centos, false",
            "NetworkPolicy, dev,  cent,   false",
            "GlobalNetworkPolicy, dev, centos, false",
            "networkpolicy, dev,  centos, false",
    })
    void globs_matchKindNamespaceAndNameWholly(String kind, String namespace, String name, boolean ignored) throws IOException {
        IgnoreRules rules = load("""
                ignore:
                  - kind: '%s'
                    namespace: '%s'
                    name: '%s'
                    owner: dev@example.com
                    reason: port experiments
                    expires: 2026-12-31
                """.formatted(kind, namespace, name));

        AuditReport report = new DriftBench().change(b -> b.liveObjects().stream()
                .filter(o -> o.path("kind").asText().equals("NetworkPolicy"))
                .forEach(o -> o.withObjectProperty("spec").put("order", 11))).audit(rules, TODAY);

        DriftEntry entry = report.entries().stream().filter(e -> e.id().name().equals("centos")).findFirst().orElseThrow();
        assertEquals(ignored ? DriftStatus.IGNORED : DriftStatus.MODIFIED, entry.status());
        assertEquals(ignored, report.inSync());
    }

    @Test
    void ruleWithoutPointer_ignoresMissingAndUnmanagedObjects() throws IOException {
        IgnoreRules rules = load("""
                ignore:
                  - kind: GlobalNetworkSet
                    name: blocked
                    owner: secops@example.com
                    reason: feed moved to the threat-feed controller
                    expires: 2027-01-31
                  - kind: GlobalNetworkPolicy
                    name: security.debug-*
                    owner: oncall@example.com
                    reason: incident 4711
                    expires: 2027-01-31
                """);

        AuditReport report = new DriftBench().remove("GlobalNetworkSet", "blocked").add("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.debug-allow-all}
                spec: {tier: security, order: 1, selector: all(), ingress: [{action: Allow}]}
                """).audit(rules, TODAY);

        assertEquals(DriftStatus.IGNORED, entry(report, "blocked").status());
        assertEquals(DriftSeverity.CRITICAL, entry(report, "blocked").severity(), "the severity is still shown");
        assertEquals(DriftStatus.IGNORED, entry(report, "security.debug-allow-all").status());
        assertTrue(entry(report, "security.debug-allow-all").ignoredBy().orElseThrow().startsWith("oncall@example.com: incident 4711"));
        assertTrue(report.inSync());
    }

    @Test
    void pointerRule_doesNotHideAWholeObjectMissing() throws IOException {
        IgnoreRules rules = load("""
                ignore:
                  - {kind: GlobalNetworkSet, name: blocked, pointer: /spec/nets, owner: a@example.com, reason: r, expires: 2027-01-31}
                """);

        AuditReport report = new DriftBench().remove("GlobalNetworkSet", "blocked").audit(rules, TODAY);

        assertEquals(DriftStatus.MISSING, entry(report, "blocked").status());
    }

    @Test
    void expiredRule_stopsIgnoringAndIsListed_butStillIgnoresOnItsLastDay() throws IOException {
        IgnoreRules rules = load("""
                ignore:
                  - kind: GlobalNetworkPolicy
                    name: security.block-ips
                    pointer: /spec/order
                    owner: platform@example.com
                    reason: moved during the incident review
                    expires: 2026-11-21
                """);
        DriftBench drifted = new DriftBench().change(b -> b.spec("GlobalNetworkPolicy", "security.block-ips").put("order", 450));

        AuditReport lastDay = drifted.audit(rules, LocalDate.of(2026, 11, 21));
        AuditReport dayAfter = drifted.audit(rules, LocalDate.of(2026, 11, 22));

        assertEquals(DriftStatus.IGNORED, entry(lastDay, "security.block-ips").status());
        assertEquals(List.of(), lastDay.expiredIgnoreRules());
        assertEquals(DriftStatus.MODIFIED, entry(dayAfter, "security.block-ips").status());
        assertEquals(List.of("platform@example.com: moved during the incident review (expired 2026-11-21) [ignore.yaml:2:5]"),
                dayAfter.expiredIgnoreRules());
        assertFalse(dayAfter.inSync());
    }

    @Test
    void load_missingOwnerReasonAndExpiresAndBadValues_reportsEveryProblemWithFileLineAndColumn() throws IOException {
        Path file = write("""
                ignore:
                  - kind: GlobalReport
                    name: cluster-*
                  - kind: GlobalAlert
                    owner: a@example.com
                    reason: noisy
                    expires: 2026-13-01
                  - name: x
                    pointer: spec/order
                    owner: b@example.com
                    reason: r
                    expires: 31.12.2026
                    until: 2027-01-01
                """);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> IgnoreRules.load(file, "ignore.yaml"));

        assertEquals(List.of(
                "ignore.yaml:2:5: error: ignore[0].expires: required",
                "    hint: every ignore rule names an owner, a reason and an expiry date (YYYY-MM-DD)",
                "ignore.yaml:2:5: error: ignore[0].owner: required",
                "    hint: every ignore rule names an owner, a reason and an expiry date (YYYY-MM-DD)",
                "ignore.yaml:2:5: error: ignore[0].reason: required",
                "    hint: every ignore rule names an owner, a reason and an expiry date (YYYY-MM-DD)",
                "ignore.yaml:7:14: error: ignore[1].expires: expected a date YYYY-MM-DD (got '2026-13-01')",
                "ignore.yaml:9:14: error: ignore[2].pointer: a JSON pointer starts with '/' (e.g. /spec/order)",
                "ignore.yaml:12:14: error: ignore[2].expires: expected a date YYYY-MM-DD (got '31.12.2026')",
                "ignore.yaml:13:5: error: ignore[2].until: unknown key",
                "    hint: known keys: expires, kind, name, namespace, owner, pointer, reason"),
                e.diagnostics().stream().map(Diagnostic::format).flatMap(String::lines).toList());
    }

    private IgnoreRules load(String yaml) throws IOException {
        return IgnoreRules.load(write(yaml), "ignore.yaml");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("ignore.yaml"), yaml);
    }

    private static DriftEntry entry(AuditReport report, String name) {
        return report.entries().stream().filter(e -> e.id().name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> sentences(DriftEntry entry) {
        return entry.changes().stream().map(Change::sentence).toList();
    }
}
