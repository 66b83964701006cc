package io.calicogitops.audit.live;

import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.diag.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 50 MB input is within the limits (256 MB per file, checked before reading; 64 Mi code points per document): a
 * snapshot that size, as {@code kubectl get -o yaml} writes for a large cluster, is read in full. One 50 MB line is
 * refused at the line limit (1 Mi chars): SnakeYAML's scanner is quadratic in the length of a token, and would spin
 * for hours on it.
 */
class LargeSnapshotTest {

    private static final long FIFTY_MB = 50L * 1024 * 1024;
    private static final Set<String> GNP = Set.of("projectcalico.org/GlobalNetworkPolicy");

    @TempDir
    Path tmp;

    @Test
    void read_fiftyMegabyteMultiDocumentSnapshot_readsEveryObject() throws IOException {
        Path file = tmp.resolve("big-cluster.yaml");
        int objects = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long written = 0;
            while (written < FIFTY_MB) {
                String doc = policy(objects++);
                w.write(doc);
                written += doc.length();
            }
        }
        assertTrue(Files.size(file) >= FIFTY_MB, "the file is 50 MB: " + Files.size(file));

        LiveSnapshot snapshot = new FileLiveReader(List.of(file)).read(GNP);

        assertEquals(objects, snapshot.resources().size());
        assertEquals("security.policy-000000", snapshot.resources().get(0).id().name());
        assertEquals("Deny", snapshot.resources().get(objects - 1).body().path("spec").path("egress").get(1).path("action").asText());
    }

    @Test
    void read_fiftyMegabyteValueOnOneLine_isRefusedAtTheLineLimitInsteadOfScanningForHours() throws IOException {
        Path file = tmp.resolve("one-line.yaml");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("apiVersion: v1\nkind: List\nitems: \"");
            String chunk = "x".repeat(1 << 16);
            for (long n = 0; n < FIFTY_MB; n += chunk.length()) {
                w.write(chunk);
            }
            w.write("\"\n");
        }

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new FileLiveReader(List.of(file)).read(GNP));

        assertEquals(1, e.diagnostics().size(), e.getMessage());
        assertEquals(file + ":3:1048577: error: line 3 is longer than the limit of 1048576 characters; the file was not read\n"
                + "    hint: break the value over several lines (a folded block scalar '>-' or a list)", e.diagnostics().get(0).format());
    }

    private static String policy(int i) {
        return """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata:
                  name: security.policy-%06d
                  resourceVersion: "%d"
                  uid: 6f1c0c6e-0000-4000-8000-%012d
                  labels:
                    projectcalico.org/tier: security
                spec:
                  tier: security
                  order: %d
                  selector: app == "service-%d" && environment in {"prod", "staging"}
                  types: [Ingress, Egress]
                  ingress:
                  - action: Allow
                    protocol: TCP
                    source:
                      selector: role == "frontend"
                      namespaceSelector: projectcalico.org/name == "web"
                    destination:
                      ports: [8080, 8443]
                  egress:
                  - action: Allow
                    protocol: UDP
                    destination:
                      selector: k8s-app == "kube-dns"
                      ports: [53]
                  - action: Deny
                    destination:
                      nets: [10.%d.%d.0/24]
                ---
                """.formatted(i, i, i, i % 10000, i, (i / 256) % 256, i % 256);
    }
}
