package io.calicogitops.fleet;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Fleet#read}: a profile with errors is kept best effort (defaults for wrong values) and marked broken. */
class FleetReadBestEffortTest {

    @TempDir
    Path fleet;

    @Test
    void read_profileWithWrongValues_keptWithDefaultsAndMarkedBroken() throws IOException {
        Files.writeString(fleet.resolve("bad.yaml"), String.join("\n",
                "name: bad",
                "provider: EKS",
                "cni: calico",
                "colour: blue",
                "dnsEgress: {workloadSelector: 'app = \"x\"', domains: ['ok.example.com', 'bad domain.com']}",
                "blockedIps: {cidrs: [10.0.0.0/8, 10.0.0.0/33]}",
                "logs: {flowFlushInterval: soon}",
                "pci: {label: 'PCI DSS'}",
                ""));
        Files.writeString(fleet.resolve("good.yaml"), "name: good\nprovider: AKS\ncni: azure\n");
        Files.writeString(fleet.resolve("hopeless.yaml"), "name: hopeless\ncni: azure\n");
        Diagnostics diagnostics = new Diagnostics();

        Fleet read = Fleet.read(fleet, p -> "fleet/" + p.getFileName(), diagnostics);

        assertEquals(List.of("bad", "good"), read.clusters().stream().map(ClusterProfile::name).toList(),
                "a profile without provider cannot be rendered at all");
        assertEquals(Set.of("bad"), read.broken());
        ClusterProfile bad = read.clusters().get(0);
        assertTrue(read.isBroken(bad));
        assertEquals("all()", bad.dnsEgress().workloadSelector());
        assertEquals(List.of("ok.example.com"), bad.dnsEgress().domains());
        assertEquals(List.of("10.0.0.0/8"), bad.blockedIps().cidrs());
        assertEquals("5m0s", bad.logs().flowFlushInterval());
        assertEquals("PCI", bad.pci().label());
        assertEquals(7, diagnostics.errorCount(), diagnostics.format());
    }

    @Test
    void load_profileWithErrors_stillThrowsEveryError() throws IOException {
        Files.writeString(fleet.resolve("bad.yaml"), "name: bad\nprovider: EKS\ncni: calico\ncolour: blue\nwireguard: maybe\n");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Fleet.load(fleet, p -> "fleet/" + p.getFileName(), new Diagnostics()));

        assertEquals(2, e.diagnostics().size());
    }
}
