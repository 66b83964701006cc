package io.calicogitops.validate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamesTest {

    private static final String LABEL_RULE = "must be a DNS-1123 label: lower-case letters, digits and '-', starting and"
            + " ending with a letter or digit";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"eks-prod", "a", "0", "dev", "a23456789012345678901234567890123456789012345678901234567890123"})
    void checkLabel_dns1123Labels_areAccepted(String s) {
        assertEquals(Optional.empty(), Names.checkLabel(s));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"EKS", "-a", "a-", "a.b", "a_b", "../../etc", "a/b", "é"})
    void checkLabel_otherCharacters_areRefusedShowingTheValue(String s) {
        assertEquals(Optional.of(LABEL_RULE + " (got '" + s + "')"), Names.checkLabel(s));
    }

    @Test
    void checkLabel_emptyTooLongAndControlCharacters_haveTheirOwnMessages() {
        assertEquals(Optional.of("must not be empty"), Names.checkLabel(""));
        assertEquals(Optional.of("must be at most 63 characters (got 64)"), Names.checkLabel("x".repeat(64)));
        assertEquals(Optional.of(LABEL_RULE + " (got 'x\\x0ay')"), Names.checkLabel("x\ny"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tigera-secure", "a.b.c", "cluster-cis-results", "dns.unsanctioned.access"})
    void checkSubdomain_dottedLowerCaseNames_areAccepted(String s) {
        assertEquals(Optional.empty(), Names.checkSubdomain(s));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a..b", ".a", "a.", "A.b", "a_b.c"})
    void checkSubdomain_badDotsOrCharacters_areRefused(String s) {
        assertEquals(Optional.of("must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.' (got '" + s + "')"),
                Names.checkSubdomain(s));
    }

    @Test
    void checkSubdomain_longerThan253_isRefused() {
        assertEquals(Optional.of("must be at most 253 characters (got 254)"), Names.checkSubdomain("a".repeat(254)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"security.allow-kube-dns", "default-deny", "default.centos", "allow-tigera.x"})
    void checkPolicyName_labelOrTierDotLabel_isAccepted(String s) {
        assertEquals(Optional.empty(), Names.checkPolicyName(s));
    }

    @Test
    void checkPolicyName_moreThanOneDot_isRefused() {
        assertEquals(Optional.of("a Calico policy name has at most one '.', the one after the tier (got 'security.dns.x')"),
                Names.checkPolicyName("security.dns.x"));
        assertTrue(Names.checkPolicyName("Security.x").isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PCI", "quarantine", "app", "k8s-app", "projectcalico.org/namespace",
            "app.kubernetes.io/name", "applicationlayer.projectcalico.org/sidecar", "a_b.c-d"})
    void checkLabelKey_optionalPrefixAndName_areAccepted(String key) {
        assertEquals(Optional.empty(), Names.checkLabelKey(key));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-quarantine", "PCI DSS", "x/", "a/b/c/d_",
            "n234567890123456789012345678901234567890123456789012345678901234"})
    void checkLabelKey_badNames_areRefused(String key) {
        assertTrue(Names.checkLabelKey(key).isPresent(), key);
    }

    @Test
    void checkLabelKey_badPrefixOrEmpty_saySo() {
        assertEquals(Optional.of("label key prefix must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.'"
                + " (got 'Example.com')"), Names.checkLabelKey("Example.com/x"));
        assertEquals(Optional.of("label key prefix must not be empty"), Names.checkLabelKey("/x"));
        assertEquals(Optional.of("label key must not be empty"), Names.checkLabelKey(""));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "true", "feodo", "feodo_v2.1", "Strict-1"})
    void checkLabelValue_emptyOrShortAlphanumericRuns_areAccepted(String value) {
        assertEquals(Optional.empty(), Names.checkLabelValue(value));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"two words", "bad \"label", "-x", "x-", "a=b", "é"})
    void checkLabelValue_otherValues_areRefused(String value) {
        assertEquals(Optional.of("label value '" + value + "' is not valid: at most 63 characters of letters, digits, '-',"
                + " '_' and '.', starting and ending with a letter or digit"), Names.checkLabelValue(value));
    }

    @Test
    void checkLabelValue_longerThan63_isRefused() {
        assertTrue(Names.checkLabelValue("v".repeat(64)).isPresent());
    }

    @Test
    void printable_escapesControlCharactersAndShortensLongValues() {
        assertEquals("a\\x0a\\x09b\\x7f", Names.printable("a\n\tb\u007f"));
        assertEquals("x".repeat(120) + "...", Names.printable("x".repeat(121)));
    }
}
