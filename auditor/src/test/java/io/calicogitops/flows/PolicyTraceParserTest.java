package io.calicogitops.flows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.calicogitops.flows.PolicyHit.HitAction;
import io.calicogitops.flows.PolicyHit.HitKind;
import io.calicogitops.memo.BoundedMemo;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both policy-name syntaxes of Felix's flow logs, staged names, profiles, end of tier, and Goldmane hits. */
class PolicyTraceParserTest {

    private static void check(PolicyHit h, HitKind kind, String ns, String name, boolean staged) {
        assertEquals(kind, h.kind(), h.text());
        assertEquals(ns, h.namespace(), h.text());
        assertEquals(name, h.name(), h.text());
        assertEquals(staged, h.staged(), h.text());
    }

    @Test
    void legacyNames_tierPrefixStripped() {
        check(PolicyTraceParser.parse("0|platform|platform.centos-to-frontend|allow|0"), HitKind.GLOBAL_NETWORK_POLICY, null, "centos-to-frontend", false);
        check(PolicyTraceParser.parse("0|default|policy-demo/default.access-nginx|allow|2"), HitKind.NETWORK_POLICY, "policy-demo", "access-nginx", false);
        check(PolicyTraceParser.parse("0|default|ns/knp.default.web|deny|1"), HitKind.KUBERNETES_NETWORK_POLICY, "ns", "web", false);
    }

    @Test
    void legacyStagedNames_allThreeSpellings() {
        check(PolicyTraceParser.parse("0|namespace-isolation|curl-ns/namespace-isolation.staged:curl-ns-vfzgh|allow|3"),
                HitKind.NETWORK_POLICY, "curl-ns", "curl-ns-vfzgh", true);
        check(PolicyTraceParser.parse("1|tier1|ns2/staged:tier1.policy1|deny|1"), HitKind.NETWORK_POLICY, "ns2", "policy1", true);
        check(PolicyTraceParser.parse("0|default|ns/staged:knp.default.web|deny|0"), HitKind.KUBERNETES_NETWORK_POLICY, "ns", "web", true);
        check(PolicyTraceParser.parse("0|security|security.staged:lockdown|deny|0"), HitKind.GLOBAL_NETWORK_POLICY, null, "lockdown", true);
    }

    @Test
    void kindPrefixedNames() {
        check(PolicyTraceParser.parse("0|platform|gnp:centos-to-frontend|allow|0"), HitKind.GLOBAL_NETWORK_POLICY, null, "centos-to-frontend", false);
        check(PolicyTraceParser.parse("0|security|sgnp:lockdown|deny|0"), HitKind.GLOBAL_NETWORK_POLICY, null, "lockdown", true);
        check(PolicyTraceParser.parse("0|default|np:dev/allow-web|allow|0"), HitKind.NETWORK_POLICY, "dev", "allow-web", false);
        check(PolicyTraceParser.parse("0|default|snp:dev/allow-web|allow|0"), HitKind.NETWORK_POLICY, "dev", "allow-web", true);
        check(PolicyTraceParser.parse("0|default|knp:dev/web|allow|0"), HitKind.KUBERNETES_NETWORK_POLICY, "dev", "web", false);
        check(PolicyTraceParser.parse("0|default|sknp:dev/web|allow|0"), HitKind.KUBERNETES_NETWORK_POLICY, "dev", "web", true);
        check(PolicyTraceParser.parse("0|kube-admin|kcnp:guard|pass|0"), HitKind.CLUSTER_NETWORK_POLICY, null, "guard", false);
    }

    @Test
    void profiles_bothSyntaxes() {
        PolicyHit legacy = PolicyTraceParser.parse("1|__PROFILE__|__PROFILE__.kns.curl-ns|allow|0");
        PolicyHit prefixed = PolicyTraceParser.parse("1|__PROFILE__|pro:kns.curl-ns|allow|0");
        for (PolicyHit h : new PolicyHit[] {legacy, prefixed}) {
            check(h, HitKind.PROFILE, "curl-ns", "kns.curl-ns", false);
            assertEquals(PolicyHit.PROFILE_TIER, h.tier());
        }
    }

    @Test
    void endOfTierAndUnknownRule() {
        PolicyHit eot = PolicyTraceParser.parse("0|security|security.default-deny|deny|-1");
        assertTrue(eot.endOfTier());
        assertEquals(HitAction.DENY, eot.action());
        assertEquals(-2, PolicyTraceParser.parse("0|security|gnp:x|deny|-2").ruleIndex());
    }

    @Test
    void malformedEntries_rejectedWithTheEntry() {
        for (String bad : new String[] {"0|default|x|allow", "a|default|x|allow|0", "0|default|x|maybe|0", "0|default|x|allow|-3",
            "0|default|zzz:x|allow|0", "0||x|allow|0"}) {
            MalformedRecordException e = assertThrows(MalformedRecordException.class, () -> PolicyTraceParser.parse(bad));
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void fieldCount_exactlyFive_emptyFieldsCount() {
        // Six fields (a trailing or an inner extra bar), four, and an empty last field (a rule index that is no number).
        for (String bad : new String[] {"0|default|x|allow|0|", "0|default|x|allow|0|1", "0|default|x|allow|", "|0|default|x|allow",
            "0|default|x||allow|0", ""}) {
            MalformedRecordException e = assertThrows(MalformedRecordException.class, () -> PolicyTraceParser.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        PolicyHit h = PolicyTraceParser.parse("3|t|gnp:a.b|pass|12");
        assertEquals(3, h.index());
        assertEquals(12, h.ruleIndex());
        assertEquals("t", h.tier());
    }

    @Test
    void kindPrefix_onlyLowerCaseLetters_elseALegacyName() {
        // Only [a-z]+ before the first colon is a kind: anything else leaves the whole part to the legacy reading.
        check(PolicyTraceParser.parse("0|default|NP:dev/web|allow|0"), HitKind.NETWORK_POLICY, "NP:dev", "web", false);
        check(PolicyTraceParser.parse("0|default|n1p:dev/web|allow|0"), HitKind.NETWORK_POLICY, "n1p:dev", "web", false);
        check(PolicyTraceParser.parse("0|default|:dev/web|allow|0"), HitKind.NETWORK_POLICY, ":dev", "web", false);
        check(PolicyTraceParser.parse("0|default|gnp:np:x|allow|0"), HitKind.GLOBAL_NETWORK_POLICY, null, "np:x", false);
    }

    @Test
    void memo_cachedHitIsTheParse_malformedNeverCached_bounded() {
        BoundedMemo<String, PolicyHit> entries = PolicyTraceParser.memo();
        String text = "0|default|np:dev/web|allow|1";
        PolicyHit first = entries.get(text);
        assertEquals(PolicyTraceParser.parse(text), first);
        assertTrue(first == entries.get(new String(text.toCharArray())), "an equal text gives the cached instance");
        for (int k = 0; k < 2; k++) {
            assertThrows(MalformedRecordException.class, () -> entries.get("0|default|x|maybe|0"));
        }
        assertEquals(1, entries.size());
        for (int k = 0; k <= PolicyTraceParser.MEMO_ENTRIES; k++) {
            entries.get("0|default|np:dev/p" + k + "|allow|0");
        }
        assertTrue(entries.size() <= PolicyTraceParser.MEMO_ENTRIES, "size " + entries.size());
        assertEquals(PolicyTraceParser.parse(text), entries.get(text));
    }

    @Test
    void sortedByIndex_stable_inOrderKept() {
        PolicyHit a = PolicyTraceParser.parse("0|t|gnp:a|pass|0");
        PolicyHit b = PolicyTraceParser.parse("1|t|gnp:b|pass|0");
        PolicyHit c = PolicyTraceParser.parse("2|u|gnp:c|allow|0");
        PolicyHit b2 = PolicyTraceParser.parse("1|t|gnp:b2|pass|0");
        assertEquals(java.util.List.of(a, b, c), PolicyHit.sorted(new java.util.ArrayList<>(java.util.List.of(c, a, b))));
        assertEquals(java.util.List.of(a, b, c), PolicyHit.sorted(java.util.List.of(a, b, c)));
        assertEquals(java.util.List.of(a, b2, b, c), PolicyHit.sorted(java.util.List.of(b2, a, b, c)));
        assertEquals(java.util.List.of(), PolicyHit.sorted(null));
    }

    @Test
    void goldmaneHits_integerOrStringEnums_omittedZeroFields_endOfTierTrigger() throws Exception {
        ObjectMapper m = new ObjectMapper();
        PolicyHit eot = PolicyTraceParser.parse(m.readTree("{\"kind\":10,\"tier\":\"security\",\"action\":2,\"rule_index\":-1,"
                + "\"trigger\":{\"kind\":2,\"name\":\"default-deny\"}}"), 0);
        check(eot, HitKind.GLOBAL_NETWORK_POLICY, null, "default-deny", false);
        assertTrue(eot.endOfTier());
        PolicyHit zero = PolicyTraceParser.parse(m.readTree("{\"kind\":\"CalicoNetworkPolicy\",\"namespace\":\"dev\",\"name\":\"web\","
                + "\"tier\":\"default\",\"action\":\"Allow\"}"), 0);
        check(zero, HitKind.NETWORK_POLICY, "dev", "web", false);
        assertEquals(0, zero.ruleIndex());
        assertEquals(0, zero.index());
        PolicyHit profile = PolicyTraceParser.parse(m.readTree("{\"kind\":9,\"name\":\"kns.dev\",\"action\":1,\"policy_index\":1}"), 1);
        assertEquals(PolicyHit.PROFILE_TIER, profile.tier());
        assertEquals(1, profile.index());
        PolicyHit staged = PolicyTraceParser.parse(m.readTree("{\"kind\":3,\"namespace\":\"dev\",\"name\":\"web\",\"tier\":\"default\",\"action\":3}"), 0);
        assertTrue(staged.staged());
        assertEquals(HitAction.PASS, staged.action());
        assertNull(PolicyTraceParser.parse(m.readTree("{\"kind\":2,\"name\":\"g\",\"tier\":\"t\",\"action\":1}"), 0).namespace());
        assertFalse(PolicyTraceParser.parse(m.readTree("{\"kind\":2,\"name\":\"g\",\"tier\":\"t\",\"action\":1}"), 0).staged());
    }
}
