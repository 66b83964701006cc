package io.calicogitops.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The derived values of the view model (templates/README.md marks them "derived"). */
class ViewModelTest {

    private static final String MINIMAL = "name: c1\nprovider: EKS\ncni: aws-vpc\n";

    @TempDir
    Path tmp;

    private Map<String, Object> view(String extra) {
        return ViewModel.of(Profiles.load(tmp, MINIMAL + extra));
    }

    private static Object at(Map<String, Object> view, String dotted) {
        return Overlay.lookup(view, dotted);
    }

    @Test
    void of_defaultDenyNamespaces_giveASetSelectorInProfileOrder() {
        Map<String, Object> v = view("defaultDeny: {namespaces: [dev, default]}\n");

        assertEquals("projectcalico.org/namespace in {\"dev\", \"default\"}", at(v, "defaultDeny.selector"));
        assertEquals(true, at(v, "defaultDeny.staged"));
        assertEquals(false, at(v, "defaultDeny.enforced"));
    }

    @Test
    void of_minimalProfile_defaultDenyCoversNamespaceDefault() {
        assertEquals("projectcalico.org/namespace in {\"default\"}", at(view(""), "defaultDeny.selector"));
    }

    @Test
    void of_dnsEgressWithWorkloadSelector_parenthesisesItAndAddsTheNamespace() {
        Map<String, Object> v = view("dnsEgress: {namespace: dev, workloadSelector: app == \"centos\" || app == \"busybox\","
                + " domains: ['*.twilio.com']}\n");

        assertEquals("(app == \"centos\" || app == \"busybox\") && projectcalico.org/namespace == \"dev\"",
                at(v, "dnsEgress.selector"));
        assertEquals(true, at(v, "dnsEgress.enabled"));
    }

    @Test
    void of_dnsEgressWithoutWorkloadSelector_selectsTheWholeNamespace() {
        Map<String, Object> v = view("dnsEgress: {namespace: dev}\n");

        assertEquals("projectcalico.org/namespace == \"dev\"", at(v, "dnsEgress.selector"));
        assertEquals("all()", at(v, "dnsEgress.workloadSelector"));
        assertEquals(false, at(v, "dnsEgress.enabled"));
    }

    @Test
    void of_dnsEgressWithExplicitAllSelector_selectsTheWholeNamespace() {
        assertEquals("projectcalico.org/namespace == \"default\"",
                at(view("dnsEgress: {workloadSelector: ' all() '}\n"), "dnsEgress.selector"));
    }

    @Test
    void of_pci_derivesScopeSelectorsFromTheLabelAndNamespaces() {
        Map<String, Object> v = view("pci: {namespaces: [storefront, payments], label: pci-scope}\n");

        assertEquals(true, at(v, "pci.enabled"));
        assertEquals("pci-scope == \"true\"", at(v, "pci.inScope"));
        assertEquals("pci-scope != \"true\"", at(v, "pci.outOfScope"));
        assertEquals("projectcalico.org/namespace in {\"storefront\", \"payments\"}", at(v, "pci.namespaceSelector"));
    }

    @Test
    void of_pciWithoutNamespaces_isDisabledWithLabelPci() {
        Map<String, Object> v = view("");

        assertEquals(false, at(v, "pci.enabled"));
        assertEquals("PCI == \"true\"", at(v, "pci.inScope"));
    }

    @Test
    void of_threatFeeds_deriveSelectorPolicyAlertNamesAndQuery() {
        Map<String, Object> v = view("""
                threatFeeds:
                  - {name: feodo-tracker, url: 'https://feodotracker.abuse.ch/downloads/ipblocklist.txt', label: feodo}
                  - {name: ofac-sanctions, url: 'http://tigera.rocks/ofac-sanctions-ipblocklist.txt', order: 250}
                """);

        assertEquals(List.of(
                Map.of("name", "feodo-tracker", "url", "https://feodotracker.abuse.ch/downloads/ipblocklist.txt",
                        "label", "feodo", "labelSelector", "threatfeed == \"feodo\"",
                        "policyName", "security.block-feodo-tracker", "alertName", "security.feodo-tracker",
                        "alertQuery", "dest_name_aggr=\"threatfeed.feodo-tracker\"", "order", 200),
                Map.of("name", "ofac-sanctions", "url", "http://tigera.rocks/ofac-sanctions-ipblocklist.txt",
                        "label", "ofac-sanctions", "labelSelector", "threatfeed == \"ofac-sanctions\"",
                        "policyName", "security.block-ofac-sanctions", "alertName", "security.ofac-sanctions",
                        "alertQuery", "dest_name_aggr=\"threatfeed.ofac-sanctions\"", "order", 250L)),
                v.get("threatFeeds"));
    }

    @Test
    void of_defaultTiers_enableQuarantineAndTheSecurityTier() {
        Map<String, Object> v = view("");

        assertEquals(true, at(v, "quarantine.enabled"));
        assertEquals("quarantine == \"true\"", at(v, "quarantine.selector"));
        assertEquals(true, at(v, "securityTier.enabled"));
        assertEquals(List.of(Map.of("name", "quarantine", "order", 200), Map.of("name", "platform", "order", 300),
                Map.of("name", "security", "order", 400)), v.get("tiers"));
    }

    @Test
    void of_tiersWithoutQuarantineOrSecurity_disableTheirPolicies() {
        Map<String, Object> v = view("tiers: [{name: platform, order: 300}]\nquarantine: {label: isolate}\n");

        assertEquals(false, at(v, "quarantine.enabled"));
        assertEquals(false, at(v, "securityTier.enabled"));
        assertEquals("isolate == \"true\"", at(v, "quarantine.selector"));
    }

    @Test
    void of_alerts_deriveDnsQueryAndLateralMovementQuery() {
        Map<String, Object> v = view("alerts: {watchedDomains: [www.google.com, google.com],"
                + " lateralMovement: {namespace: dev, label: security=strict}}\n");

        assertEquals("(qname = \"www.google.com\" OR qname = \"google.com\")", at(v, "alerts.dnsQuery"));
        assertEquals(true, at(v, "alerts.dnsEnabled"));
        assertEquals(true, at(v, "alerts.lateralMovement.enabled"));
        // The seed's query (AKS workshop, network.lateral.access), with its run of spaces collapsed.
        assertEquals("(\"dest_labels.labels\"=\"security=strict\" AND \"dest_namespace\"=\"dev\") AND"
                + " \"source_namespace\"!=\"dev\" AND \"proto\"=\"tcp\" AND ((\"action\"=\"allow\" AND"
                + " (\"reporter\"=\"dst\" OR \"reporter\"=\"src\")) OR (\"action\"=\"deny\" AND \"reporter\"=\"src\"))",
                at(v, "alerts.lateralMovement.query"));
    }

    @Test
    void of_noLateralMovementNamespace_disablesTheAlertWithEmptyStrings() {
        Map<String, Object> v = view("");

        assertEquals(false, at(v, "alerts.lateralMovement.enabled"));
        assertEquals("", at(v, "alerts.lateralMovement.namespace"));
        assertEquals(false, at(v, "alerts.dnsEnabled"));
    }

    @Test
    void of_providerAndCni_deriveProviderTestsAndInstallationCniType() {
        assertEquals(List.of(true, false, "AmazonVPC"), List.of(at(view(""), "isEks"), at(view(""), "isAks"),
                at(view(""), "installationCniType")));
        Map<String, Object> aks = ViewModel.of(Profiles.load(tmp, "name: a\nprovider: AKS\ncni: azure\n"));
        assertEquals(List.of(false, true, "AzureVNET"), List.of(aks.get("isEks"), aks.get("isAks"), aks.get("installationCniType")));
        Map<String, Object> calico = ViewModel.of(Profiles.load(tmp, "name: b\nprovider: EKS\ncni: calico\n"));
        assertEquals("Calico", calico.get("installationCniType"));
    }

    @Test
    void of_l7ModeSidecar_setsL7Sidecar() {
        Map<String, Object> v = view("l7Logging: true\nl7Mode: sidecar\n");

        assertEquals(true, v.get("l7Sidecar"));
        assertEquals("sidecar", v.get("l7Mode"));
    }

    @Test
    void of_apps_deriveBoutiqueSelectors() {
        Map<String, Object> v = view("apps: {onlineBoutique: true, boutiqueNamespace: shop}\n");

        assertEquals("projectcalico.org/name == \"shop\"", at(v, "apps.boutiqueNamespaceSelector"));
        assertEquals("projectcalico.org/namespace == \"shop\"", at(v, "apps.boutiqueWorkloadSelector"));
    }

    @Test
    void of_reportsNamespaces_makeTheReportsScoped() {
        assertEquals(false, at(view(""), "reports.scoped"));
        assertEquals(true, at(view("reports: {namespaces: [default]}\n"), "reports.scoped"));
    }

    @Test
    void of_dpiWithoutNamespace_isDisabled() {
        assertEquals(false, at(view(""), "dpi.enabled"));
        assertEquals(true, at(view("dpi: {namespace: dev, selector: app == \"nginx\"}\n"), "dpi.enabled"));
    }

    @Test
    void of_values_arePlainMapsListsAndScalars() {
        Map<String, Object> v = view("values: {team: payments, replicas: 3, ha: true, zones: [a, b], nested: {k: v}}\n");

        assertEquals(Map.of("team", "payments", "replicas", 3L, "ha", true, "zones", List.of("a", "b"),
                "nested", Map.of("k", "v")), v.get("values"));
    }
}
