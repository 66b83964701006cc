package io.calicogitops.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.CalicoGitOpsException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.calicogitops.schema.SchemaFixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every CEL rule of every bundled CRD compiles; an uncompilable rule is an internal error, not a silent pass. */
class SchemaCelRulesTest {

    @Test
    void compile_everyBundledRule_compilesAndIsCounted() throws Exception {
        Set<String> seen = new LinkedHashSet<>();
        int rules = 0;
        int files = 0;
        for (CrdFlavour flavour : CrdFlavour.values()) {
            CrdSchemas schemas = new CrdSchemas(flavour);
            for (CrdFlavour.Source source : flavour.sources()) {
                for (String kind : source.kinds()) {
                    if (seen.add(source.resource(kind))) {
                        CelRules crdRules = schemas.find(source.apiGroup(), kind).orElseThrow().rules();
                        rules += crdRules.count();
                        typeCheck(crdRules.root());
                        files++;
                    }
                }
            }
        }
        // 78 bundled files (35 before the Enterprise and operator CRDs of issue 15 were added).
        assertEquals(78, files, "bundled CRD files");
        assertEquals(696, rules, "x-kubernetes-validations rules in the bundled CRDs");
    }

    /** Forces the type-check that production defers to a rule's first evaluation. */
    private static void typeCheck(CelRules.Node node) throws Exception {
        if (node == null || !node.anyRules()) {
            return;
        }
        for (CelRules.Rule r : node.rules()) {
            r.compiled().program();
            if (r.messageExpression() != null) {
                r.messageExpression().program();
            }
        }
        for (CelRules.Node child : node.properties().values()) {
            typeCheck(child);
        }
        typeCheck(node.items());
        typeCheck(node.additional());
    }

    @Test
    void ruleThatDoesNotTypeCheck_isAnInternalErrorOnFirstUse() {
        CelRules rules = CelRules.compile(yaml("""
                type: object
                x-kubernetes-validations:
                - rule: "noSuchFunction(self) == 1"
                """), "crds/test.yaml");
        CalicoGitOpsException e = assertThrows(CalicoGitOpsException.class,
                () -> CelCheck.check(rules, yaml("metadata: {name: x}"), true));
        assertTrue(e.getMessage().startsWith("CEL rule does not type-check: noSuchFunction(self) == 1"), e.getMessage());
    }

    @Test
    void compile_invalidRule_isAnInternalError() {
        JsonNode schema = yaml("""
                type: object
                properties:
                  spec:
                    type: object
                    x-kubernetes-validations:
                    - rule: "self.a ==="
                      message: broken
                """);
        CalicoGitOpsException e = assertThrows(CalicoGitOpsException.class,
                () -> CelRules.compile(schema, "crds/test.yaml"));
        assertTrue(e.getMessage().startsWith("bundled CRD crds/test.yaml has a CEL rule at spec that does not compile: "
                + "self.a ==="), e.getMessage());
    }

    @Test
    void compile_ruleReadingOldSelf_isATransitionRule() {
        CelRules rules = CelRules.compile(yaml("""
                type: object
                x-kubernetes-validations:
                - rule: "self.spec.order == oldSelf.spec.order"
                - rule: "has(self.spec)"
                """), "crds/test.yaml");
        List<Boolean> transition = new ArrayList<>();
        rules.root().rules().forEach(r -> transition.add(r.compiled().transition()));
        assertEquals(List.of(true, false), transition);
    }

    @Test
    void absenceGuards_onlySkipRulesTheEngineWouldPass() throws Exception {
        // Every bundled rule, on values where a guard fires: the engine itself must then say true.
        List<Object> selves = List.of(Map.of(), Map.of("destination", Map.of()), Map.of("source", Map.of()),
                Map.of("protocol", "ICMP", "ipVersion", 6L), Map.of("metadata", Map.of("name", "default"),
                        "spec", Map.of()), Map.of("icmp", Map.of("code", 1L)), Map.of("action", "Deny"));
        int guarded = 0;
        int fired = 0;
        for (String rule : bundledRuleTexts()) {
            KubeCel.Compiled compiled = KubeCel.compile(rule);
            guarded += compiled.guards().isEmpty() ? 0 : 1;
            for (Object self : selves) {
                if (AbsenceGuards.anyAbsent(compiled.guards(), self)) {
                    fired++;
                    assertEquals(Boolean.TRUE, compiled.program().eval(Map.of("self", self)), rule + " on " + self);
                }
            }
        }
        assertEquals(47, guarded, "distinct bundled rules with a !has() guard");
        assertTrue(fired > 0, "guards fired");
    }

    @Test
    void absenceGuards_needTheWholePathUpToTheMissingField() {
        List<List<String>> guards = List.of(List.of("destination", "services"));
        assertTrue(AbsenceGuards.anyAbsent(guards, Map.of("destination", Map.of())));
        assertEquals(false, AbsenceGuards.anyAbsent(guards, Map.of()), "has(self.destination.services) would fail");
        assertEquals(false, AbsenceGuards.anyAbsent(guards, Map.of("destination", Map.of("services", Map.of()))));
    }

    private static Set<String> bundledRuleTexts() {
        Set<String> texts = new TreeSet<>();
        for (CrdFlavour flavour : CrdFlavour.values()) {
            CrdSchemas schemas = CrdSchemas.shared(flavour);
            for (CrdFlavour.Source source : flavour.sources()) {
                for (String kind : source.kinds()) {
                    collect(schemas.find(source.apiGroup(), kind).orElseThrow().rules().root(), texts);
                }
            }
        }
        return texts;
    }

    private static void collect(CelRules.Node node, Set<String> texts) {
        if (node == null || !node.anyRules()) {
            return;
        }
        node.rules().forEach(r -> texts.add(r.source()));
        node.properties().values().forEach(child -> collect(child, texts));
        collect(node.items(), texts);
        collect(node.additional(), texts);
    }

    @Test
    void fieldPath_kubernetesSyntax_isSplitIntoSegments() {
        assertEquals(List.of("spec", "ports", 0, "a.b"), CelRules.fieldPath(".spec.ports[0]['a.b']"));
        assertEquals(List.of(), CelRules.fieldPath(""));
    }

    @Test
    void ipFamily_followsGoNetipAndKubernetes() {
        assertEquals(4, KubeCel.family("10.0.0.1"));
        assertEquals(6, KubeCel.family("2001:db8::1"));
        assertEquals(0, KubeCel.family("10.0.0.01"), "leading zero");
        assertEquals(0, KubeCel.family("10.0.0"));
        assertEquals(0, KubeCel.family("::ffff:10.0.0.1"), "IPv4-mapped IPv6");
        assertEquals(0, KubeCel.family("fe80::1%eth0"), "zone");
        assertEquals(0, KubeCel.family("localhost"));
    }
}
