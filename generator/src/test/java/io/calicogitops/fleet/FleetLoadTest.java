package io.calicogitops.fleet;

import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.InvalidInputException;
import io.calicogitops.fleet.ClusterProfile.Alerts;
import io.calicogitops.fleet.ClusterProfile.Apps;
import io.calicogitops.fleet.ClusterProfile.BlockedIps;
import io.calicogitops.fleet.ClusterProfile.DefaultDeny;
import io.calicogitops.fleet.ClusterProfile.DnsEgress;
import io.calicogitops.fleet.ClusterProfile.Dpi;
import io.calicogitops.fleet.ClusterProfile.L7;
import io.calicogitops.fleet.ClusterProfile.Logs;
import io.calicogitops.fleet.ClusterProfile.Pci;
import io.calicogitops.fleet.ClusterProfile.Reports;
import io.calicogitops.fleet.ClusterProfile.TierSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetLoadTest {

    @TempDir
    Path fleet;

    private void write(String file, String yaml) throws IOException {
        Files.writeString(fleet.resolve(file), yaml);
    }

    private Fleet load() {
        return Fleet.load(fleet, p -> "fleet/" + p.getFileName(), new Diagnostics());
    }

    private String errors() {
        InvalidInputException e = assertThrows(InvalidInputException.class, this::load);
        return e.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }

    /** Every default against the README's fleet section (and templates/README.md's view-model table). */
    @Test
    void load_minimalProfile_getsDocumentedDefaults() throws IOException {
        write("eks-minimal.yaml", "name: eks-minimal\nprovider: EKS\ncni: aws-vpc\n");

        ClusterProfile p = load().clusters().get(0);

        assertEquals("eks-minimal", p.name());
        assertEquals(ClusterProfile.Provider.EKS, p.provider());
        assertEquals("aws-vpc", p.cni());
        assertEquals(ClusterProfile.IpFamily.IPv4, p.ipFamily());
        assertEquals(false, p.wireguard());
        assertEquals(false, p.l7Logging());
        assertEquals(ClusterProfile.L7Mode.daemonset, p.l7Mode());
        assertEquals(List.of(), p.packs(), "no packs listed: every pack");
        assertEquals(new Logs("5m0s", "5m0s", "5m0s", 2, 1, 1, false, false), p.logs());
        assertEquals(List.of(new TierSpec("quarantine", 200), new TierSpec("platform", 300), new TierSpec("security", 400)),
                p.tiers());
        assertEquals("quarantine", p.quarantineLabel());
        assertEquals(new DefaultDeny(List.of("default"), true, 2000), p.defaultDeny());
        assertEquals(50, p.kubeDnsOrder());
        assertEquals(new DnsEgress("default", "all()", List.of(), false, 100), p.dnsEgress());
        assertEquals(new BlockedIps(List.of(), "all()", 300), p.blockedIps());
        assertEquals(new Pci(List.of(), "PCI", 100), p.pci());
        assertEquals(List.of(), p.threatFeeds());
        assertEquals(new Alerts(100, "1m", "1m", List.of(), null, null), p.alerts());
        assertEquals(new Reports("0 0 * * *", true, true, true, true, List.of()), p.reports());
        assertEquals(new Dpi(null, "all()", "1", "1Gi", "100m", "100Mi"), p.dpi());
        assertEquals(new L7(List.of(), 5, -1, "/var/run/nodeagent"), p.l7());
        assertEquals(new Apps(false, false, "dev", "default"), p.apps());
        assertNull(p.workloads());
        assertEquals(java.util.Map.of(), p.valuesMap());
    }

    @Test
    void load_threatFeedWithoutLabelOrOrder_usesItsNameAndOrder200() throws IOException {
        write("c.yaml", "name: c\nprovider: EKS\ncni: aws-vpc\nthreatFeeds: [{name: feodo, url: 'https://x.example/l.txt'}]\n");

        assertEquals(List.of(new ClusterProfile.ThreatFeed("feodo", "https://x.example/l.txt", "feodo", 200)),
                load().clusters().get(0).threatFeeds());
    }

    @Test
    void load_profileWithTwoDocuments_isAnErrorAtTheSecondDocument() throws IOException {
        write("a.yaml", "name: a\nprovider: EKS\ncni: aws-vpc\n---\nname: b\nprovider: EKS\ncni: aws-vpc\n");

        assertEquals("fleet/a.yaml:5:1: error: a profile file holds one cluster; found 2 documents\n"
                + "    hint: put each cluster in its own file", errors());
    }

    @Test
    void load_twoFilesWithTheSameClusterName_isAnErrorNamingTheFirst() throws IOException {
        write("a.yaml", "name: prod\nprovider: EKS\ncni: aws-vpc\n");
        write("b.yaml", "# again\nname: prod\nprovider: AKS\ncni: azure\n");

        assertEquals("fleet/b.yaml:2:1: error: cluster 'prod' is already defined at fleet/a.yaml:1:1", errors());
    }

    @Test
    void load_emptyFolder_isAnError() {
        assertTrue(errors().endsWith("error: no cluster profiles (*.yaml) in the fleet folder"), errors());
    }

    @Test
    void load_clustersAreSortedByNameAndOtherFilesIgnored() throws IOException {
        write("z.yaml", "name: alpha\nprovider: EKS\ncni: aws-vpc\n");
        write("a.yml", "name: zulu\nprovider: AKS\ncni: azure\n");
        write("README.md", "# not a profile\n");
        write("notes.txt", "name: nope\n");

        assertEquals(List.of("alpha", "zulu"), load().clusters().stream().map(ClusterProfile::name).toList());
    }

    @Test
    void load_errorsOfEveryFile_areReportedTogetherSorted() throws IOException {
        write("b.yaml", "name: b\nprovider: EKS\ncni: azure\n");
        write("a.yaml", "name: a\nprovider: EKS\ncni: aws-vpc\nwireguard: yes please\n");

        assertEquals("""
                fleet/a.yaml:4:12: error: wireguard: expected true or false, got string 'yes please'
                fleet/b.yaml:3:6: error: cni: 'azure' is not a CNI for EKS (expected aws-vpc or calico)""", errors());
    }
}
