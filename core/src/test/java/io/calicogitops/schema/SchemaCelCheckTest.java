package io.calicogitops.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.calicogitops.schema.SchemaFixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Kubernetes CEL semantics no bundled rule happens to use today (messageExpression, fieldPath, oldSelf, rules on map
 * values, a rule that cannot be evaluated), on a small schema of our own.
 */
class SchemaCelCheckTest {

    private static final CelRules RULES = CelRules.compile(yaml("""
            type: object
            properties:
              metadata: {type: object}
              spec:
                type: object
                properties:
                  replicas: {type: integer}
                  ratio: {type: number}
                  mode: {type: string, default: Safe}
                  limits:
                    type: object
                    nullable: true
                    additionalProperties:
                      type: integer
                      x-kubernetes-validations:
                      - rule: "self <= 10"
                        messageExpression: "'limit ' + string(self) + ' is above 10'"
                x-kubernetes-validations:
                - rule: "self.replicas >= 1"
                  fieldPath: .replicas
                - rule: "self.ratio == 1.0"
                  message: ratio must be one
                - rule: "self.mode == 'Safe' || self.replicas == 1"
                  message: unsafe mode needs one replica
                - rule: "self.replicas == oldSelf.replicas"
                  message: replicas are immutable
                - rule: "self.missing == 1"
                  message: never shown
            """), "crds/test.yaml");

    private static List<String> check(String spec) {
        return CelCheck.check(RULES, yaml("metadata: {name: x}\nspec: " + spec), true).stream()
                .map(f -> f.path().pointer() + " " + f.message()).toList();
    }

    @Test
    void failedRules_useFieldPathMessageExpressionOrTheRuleItself() {
        assertEquals(List.of(
                "/spec/replicas spec.replicas: failed rule: self.replicas >= 1",
                "/spec spec: cannot evaluate rule 'self.missing == 1': key 'missing' is not present in map",
                "/spec/limits/cpu spec.limits.cpu: limit 12 is above 10"),
                check("{replicas: 0, ratio: 1, limits: {cpu: 12, mem: 3}}"));
    }

    @Test
    void integerWrittenForANumber_isTheDouble_andDefaultsApplyBeforeTheRules() {
        // ratio: 1 is the number 1.0; mode is absent, so it is its default 'Safe' and replicas may be 3.
        assertEquals(List.of("/spec spec: cannot evaluate rule 'self.missing == 1': key 'missing' is not present in map"),
                check("{replicas: 3, ratio: 1}"));
        assertEquals(List.of("/spec spec: unsafe mode needs one replica"),
                CelCheck.check(RULES, yaml("metadata: {name: x}\nspec: {replicas: 3, ratio: 1.0, mode: Fast}"), false)
                        .stream().map(f -> f.path().pointer() + " " + f.message()).toList());
    }

    @Test
    void nullValue_isNotValidated() {
        CelRules rules = CelRules.compile(yaml("""
                type: object
                properties:
                  spec:
                    type: object
                    nullable: true
                    x-kubernetes-validations:
                    - rule: "has(self.x)"
                """), "crds/test.yaml");
        assertEquals(List.of(), CelCheck.check(rules, yaml("metadata: {name: x}\nspec: null"), true));
        assertEquals(1, CelCheck.check(rules, yaml("metadata: {name: x}\nspec: {}"), true).size());
    }

    @Test
    void unevaluableRules_areLeftToTheSchemaErrorsWhenThereAreAny() {
        assertEquals(List.of(), CelCheck.check(RULES, yaml("metadata: {name: x}\nspec: {replicas: 1, ratio: 1}"),
                false));
    }
}
