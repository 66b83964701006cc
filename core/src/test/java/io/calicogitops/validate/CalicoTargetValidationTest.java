package io.calicogitops.validate;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.calicogitops.schema.CrdFlavour;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-target table of {@link CalicoTarget} and how {@link ManifestValidator} applies it (calico-semantics §2, §6.3). */
class CalicoTargetValidationTest {

    private static CalicoTarget target(String edition, String version) {
        return CalicoTarget.of(CalicoTarget.Edition.valueOf(edition), version).target().orElseThrow();
    }

    private static List<YamlDocument> read(String yaml) {
        Diagnostics parse = new Diagnostics();
        List<YamlDocument> docs = new YamlReader().read(yaml, "p.yaml", parse);
        assertEquals("", parse.format());
        return docs;
    }

    private static String validate(CalicoTarget target, String yaml) {
        ManifestValidator validator = new ManifestValidator(target);
        Diagnostics d = new Diagnostics();
        List<Resource> resources = new ArrayList<>();
        Map<ResourceId, Locator> where = new HashMap<>();
        for (YamlDocument doc : read(yaml)) {
            Resource r = Resource.of(doc.body(), doc.location());
            validator.validate(r, Locator.of(doc.locations()), d);
            resources.add(r);
            where.put(r.id(), Locator.of(doc.locations()));
        }
        validator.validateCluster(resources, where::get, d);
        return d.format();
    }

    private static String policy(String name, String tier) {
        return """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata:
                  name: %s
                spec:
                  tier: %s
                  selector: all()
                  types: [Ingress]
                """.formatted(name, tier);
    }

    @ParameterizedTest(name = "{0} {1}: prefix required = {2}")
    @CsvSource({"OSS,3.29,true", "OSS,3.31,true", "OSS,3.32,false", "ENTERPRISE,3.20,true", "ENTERPRISE,3.22,true",
            "CLOUD,,true"})
    void validate_policyWithoutTierPrefix_refusedWhereTheTargetRequiresIt(String edition, String version, boolean required) {
        CalicoTarget target = target(edition, version);

        String found = validate(target, policy("allow-web", target.builtInTiers().contains("kube-admin") ? "kube-admin" : "adminnetworkpolicy"));

        assertEquals(required, target.requiresTierPrefix());
        assertEquals(required, found.contains("must be named"), found);
    }

    @Test
    void validate_dottedDefaultTierName_refusedBefore332AcceptedOn332() {
        String yaml = policy("web.allow", "default");

        assertTrue(validate(target("OSS", "3.31"), yaml).contains("names tier 'web' but spec.tier is default"));
        assertEquals("", validate(target("OSS", "3.32"), yaml));
    }

    @Test
    void validate_builtInTierNames_perRelease() {
        assertEquals("", validate(target("OSS", "3.32"), policy("kube-admin.p", "kube-admin")));
        assertTrue(validate(target("OSS", "3.32"), policy("adminnetworkpolicy.p", "adminnetworkpolicy"))
                .contains("tier 'adminnetworkpolicy' does not exist"));
        assertEquals("", validate(target("OSS", "3.30"), policy("adminnetworkpolicy.p", "adminnetworkpolicy")));
        assertTrue(validate(target("OSS", "3.30"), policy("kube-admin.p", "kube-admin")).contains("tier 'kube-admin' does not exist"));
        assertEquals("", validate(CalicoTarget.CLOUD, policy("kube-admin.p", "kube-admin")));
        assertEquals("", validate(CalicoTarget.CLOUD, policy("adminnetworkpolicy.p", "adminnetworkpolicy")));
    }

    @Test
    void validate_enterpriseKindOnOss_refusedWithTheEditionNamed() {
        String alert = """
                apiVersion: projectcalico.org/v3
                kind: GlobalAlert
                metadata:
                  name: dns.watch
                spec:
                  description: d
                  summary: s
                  severity: 100
                  dataSet: dns
                """;

        String oss = validate(target("OSS", "3.32"), alert);

        assertTrue(oss.contains("unknown kind 'GlobalAlert'") && oss.contains("exists only in Calico Enterprise/Cloud"), oss);
        assertEquals("", validate(target("ENTERPRISE", "3.22"), alert));
        assertFalse(target("OSS", "3.29").hasEnterpriseKinds());
    }

    @Test
    void validate_felixDnsLogFieldOnOss_refused() {
        String felix = """
                apiVersion: projectcalico.org/v3
                kind: FelixConfiguration
                metadata:
                  name: default
                spec:
                  dnsLogsFlushInterval: 5m0s
                """;

        assertTrue(validate(target("OSS", "3.31"), felix).contains("spec.dnsLogsFlushInterval: unknown field in Calico OSS"));
        assertEquals("", validate(CalicoTarget.CLOUD, felix));
    }

    @Test
    void table_perTarget() {
        assertEquals(CrdFlavour.OSS, target("OSS", "3.30").crdFlavour());
        assertEquals(CrdFlavour.ENTERPRISE, target("ENTERPRISE", "3.21").crdFlavour());
        assertEquals(CrdFlavour.ENTERPRISE, CalicoTarget.CLOUD.crdFlavour());
        assertEquals("calico-system", target("OSS", "3.32").operatorTier());
        assertEquals("allow-tigera", target("OSS", "3.31").operatorTier());
        assertEquals(Set.of("allow-tigera", "calico-system"), CalicoTarget.CLOUD.operatorTiers());
        assertTrue(target("OSS", "3.29").stripsDefaultPrefixOnRead());
        assertTrue(target("ENTERPRISE", "3.20").stripsDefaultPrefixOnRead());
        assertFalse(target("OSS", "3.30").stripsDefaultPrefixOnRead());
        assertFalse(target("OSS", "3.31").pairsDefaultPrefix());
        assertTrue(target("OSS", "3.32").pairsDefaultPrefix());
        assertTrue(CalicoTarget.CLOUD.pairsDefaultPrefix());
        assertEquals(CalicoTarget.Edition.ENTERPRISE, target("ENTERPRISE", "v3.21.4").edition());
        assertEquals(30, target("ENTERPRISE", "v3.21.4").base());
    }

    @Test
    void of_unsupportedVersions_nameTheRange() {
        assertEquals("Calico OSS 3.28 is not supported (supported: 3.29 to 3.32; OSS has tiers from 3.29)",
                CalicoTarget.of(CalicoTarget.Edition.OSS, "3.28").problem().orElseThrow());
        assertEquals("Calico Enterprise 3.19 is not supported (supported: 3.20 to 3.22)",
                CalicoTarget.of(CalicoTarget.Edition.ENTERPRISE, "3.19").problem().orElseThrow());
        assertTrue(CalicoTarget.of(CalicoTarget.Edition.OSS, "4.0").problem().orElseThrow().startsWith("'4.0' is not a Calico version"));
    }
}
