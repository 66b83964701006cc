package io.calicogitops.audit.live;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A list page is believed only when it is a list of the kind asked for, with an items array and named items. */
class ListPageTest {

    private static final ServedKind NETWORK_POLICY = new ServedKind(new KindKey("projectcalico.org", "NetworkPolicy"),
            "projectcalico.org", "v3", "networkpolicies", true);
    private static final ServedKind TIER = new ServedKind(new KindKey("projectcalico.org", "Tier"),
            "projectcalico.org", "v3", "tiers", false);

    @Test
    void namespacedItemWithoutNamespace_isRejected() {
        ResponseRejectedException e = assertThrows(ResponseRejectedException.class, () -> parse(NETWORK_POLICY,
                "{\"kind\":\"NetworkPolicyList\",\"apiVersion\":\"projectcalico.org/v3\",\"items\":[{\"metadata\":{\"name\":\"a\"}}]}"));

        assertEquals("the answer is not a list of projectcalico.org/v3 NetworkPolicy: items[0] (a) has no metadata.namespace, "
                + "but NetworkPolicy is namespaced", e.getMessage());
    }

    @Test
    void genericV1List_itemsMustNameTheirKind() {
        ResponseRejectedException e = assertThrows(ResponseRejectedException.class, () -> parse(TIER,
                "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"items\":[{\"kind\":\"Tier\",\"apiVersion\":\"projectcalico.org/v3\","
                        + "\"metadata\":{\"name\":\"a\"}},{\"metadata\":{\"name\":\"b\"}}]}"));

        assertEquals("the answer is not a list of projectcalico.org/v3 Tier: items[1] (b) has no kind, and the list does "
                + "not say which kind it holds", e.getMessage());
    }

    @Test
    void notJsonOrNotAnObject_isRejected() {
        assertEquals("the answer is not a list of projectcalico.org/v3 Tier: it is not a JSON object",
                assertThrows(ResponseRejectedException.class, () -> parse(TIER, "[1, 2]")).getMessage());
        assertEquals("the answer is not a list of projectcalico.org/v3 Tier: \"items\" is missing, not an array",
                assertThrows(ResponseRejectedException.class, () -> parse(TIER, "{\"kind\":\"TierList\"}")).getMessage());
    }

    @Test
    void tierList_withContinueToken_isReadWithIt() {
        ListPage page = parse(TIER, "{\"kind\":\"TierList\",\"apiVersion\":\"projectcalico.org/v3\",\"metadata\":{\"continue\":\"t2\"},"
                + "\"items\":[{\"metadata\":{\"name\":\"security\"}}]}");

        assertEquals(1, page.items().size());
        assertEquals("t2", page.continueToken());
    }

    private static ListPage parse(ServedKind kind, String json) {
        return ListPage.parse(json.getBytes(StandardCharsets.UTF_8), kind);
    }
}
