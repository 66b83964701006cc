package io.calicogitops.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.calicogitops.schema.SchemaFixtures.assertSingleError;
import static io.calicogitops.schema.SchemaFixtures.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The OSS flavour rejects what only Calico Enterprise/Cloud knows, and says so. */
class SchemaOssFlavourTest {

    private static final SchemaValidator OSS = SchemaValidator.of(CrdFlavour.OSS);

    @Test
    void validate_domainsOnOss_isAnEnterpriseOnlyField() {
        assertSingleError(OSS, """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.external-domain-access}
                spec:
                  tier: security
                  egress:
                  - action: Allow
                    destination:
                      domains: ['*.twilio.com']
                """,
                "spec.egress[0].destination.domains: unknown field in Calico OSS",
                "/spec/egress/0/destination/domains", "'domains' exists only in Calico Enterprise/Cloud");
    }

    @Test
    void validate_dnsLogsFlushIntervalOnOss_isAnEnterpriseOnlyField() {
        assertSingleError(OSS, """
                apiVersion: projectcalico.org/v3
                kind: FelixConfiguration
                metadata: {name: default}
                spec: {flowLogsFlushInterval: 15s, dnsLogsFlushInterval: 15s}
                """,
                "spec.dnsLogsFlushInterval: unknown field in Calico OSS", "/spec/dnsLogsFlushInterval",
                "'dnsLogsFlushInterval' exists only in Calico Enterprise/Cloud");
    }

    @Test
    void validate_typoOnOss_stillSuggestsTheOssField() {
        assertSingleError(OSS, """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: web}
                spec: {selektor: all()}
                """,
                "spec.selektor: unknown field in Calico OSS", "/spec/selektor", "did you mean 'selector'?");
    }

    @Test
    void validate_globalAlertOnOss_isAnEnterpriseOnlyKind() {
        assertSingleError(OSS, """
                apiVersion: projectcalico.org/v3
                kind: GlobalAlert
                metadata: {name: blocked-ips}
                spec: {description: d, summary: s, severity: 100, dataSet: flows}
                """,
                "unknown kind 'GlobalAlert' (apiVersion 'projectcalico.org/v3') in Calico OSS", "/kind",
                "GlobalAlert exists only in Calico Enterprise/Cloud");
    }

    @Test
    void validate_intrusionDetectionOnOss_isAnEnterpriseOnlyKind() {
        assertSingleError(OSS, """
                apiVersion: operator.tigera.io/v1
                kind: IntrusionDetection
                metadata: {name: tigera-secure}
                """,
                "unknown kind 'IntrusionDetection' (apiVersion 'operator.tigera.io/v1') in Calico OSS", "/kind",
                "IntrusionDetection exists only in Calico Enterprise/Cloud");
    }

    @Test
    void validate_plainPolicyOnOss_isValid() {
        assertEquals(List.of(), messages(OSS, """
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: platform.centos-to-frontend, namespace: dev}
                spec:
                  tier: platform
                  order: 100
                  selector: app == "centos"
                  types: [Egress]
                  egress:
                  - action: Allow
                    protocol: TCP
                    destination: {selector: app == "frontend", namespaceSelector: projectcalico.org/name == "default"}
                  - action: Pass
                """));
    }
}
