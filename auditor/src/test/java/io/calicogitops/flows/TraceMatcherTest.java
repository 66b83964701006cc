package io.calicogitops.flows;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Name comparison in traces: the in-place comparison is the comparison of the normalised names, on every edge. */
class TraceMatcherTest {

    @Test
    void sameNormalised_isEqualityOfNormalisedNames() {
        List<String> tiers = List.of("default", "security", "", "d", "default.x", "knp");
        List<String> names = List.of("web", "default.web", "security.web", "knp.default.web", "knp.default.default.web",
                "knp.default.", "knp.default", "default.", "default", ".web", "", "d.web", "d", "default.x.web", "knp.web",
                "knp.default.security.web", "defaultweb", "default.x.", "security.default.web");
        int pairs = 0;
        for (String tierA : tiers) {
            for (String a : names) {
                for (String tierB : tiers) {
                    for (String b : names) {
                        boolean expected = TraceMatcher.normalise(tierA, a).equals(TraceMatcher.normalise(tierB, b));
                        assertEquals(expected, TraceMatcher.sameNormalised(tierA, a, tierB, b),
                                tierA + " " + a + " / " + tierB + " " + b);
                        pairs++;
                    }
                }
            }
        }
        assertEquals(tiers.size() * tiers.size() * names.size() * names.size(), pairs);
    }
}
