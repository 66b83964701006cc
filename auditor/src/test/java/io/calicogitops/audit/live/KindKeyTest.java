package io.calicogitops.audit.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KindKeyTest {

    @Test
    void parse_groupAndKind() {
        assertEquals(new KindKey("projectcalico.org", "Tier"), KindKey.parse("projectcalico.org/Tier"));
        assertEquals(new KindKey("", "Service"), KindKey.parse("/Service"));
    }

    @Test
    void parse_v1CrdGroup_isTheCalicoGroup() {
        assertEquals(KindKey.parse("projectcalico.org/Tier"), KindKey.parse("crd.projectcalico.org/Tier"));
        assertEquals(KindKey.parse("projectcalico.org/Tier"), KindKey.of("crd.projectcalico.org/v1", "Tier"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Service", "projectcalico.org/", "projectcalico.org/v3/Tier"})
    void parse_malformed_throws(String text) {
        assertThrows(IllegalArgumentException.class, () -> KindKey.parse(text));
    }
}
