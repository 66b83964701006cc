package io.calicogitops.render;

import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The profile's adoptNames: a pack's object keeps the name it has live in this cluster. */
class AdoptNamesRenderTest {

    @TempDir
    Path tmp;

    private Generator.RenderResult render(String adoptNames) throws IOException {
        Files.createDirectories(tmp.resolve("fleet"));
        Files.writeString(tmp.resolve("fleet/c1.yaml"), "name: c1\nprovider: EKS\ncni: aws-vpc\npacks: [tiers, kube-dns]\n"
                + "adoptNames:\n  " + adoptNames + "\n");
        return new Generator().render(new Generator.RenderRequest(tmp.resolve("fleet"), Optional.empty(), Optional.empty(),
                List.of(), p -> tmp.relativize(p).toString().replace('\\', '/')));
    }

    @Test
    void adoptedName_replacesThePacksName_inTheResourceAndTheFile() throws IOException {
        ClusterRender c = render("GlobalNetworkPolicy/security.allow-kube-dns: security.dns-out").clusters().get(0);

        assertTrue(c.files().containsKey("globalnetworkpolicy-security.dns-out.yaml"), c.files().keySet().toString());
        assertTrue(!c.files().containsKey("globalnetworkpolicy-security.allow-kube-dns.yaml"));
        assertEquals(1, c.resources().stream().filter(r -> r.resource().id().name().equals("security.dns-out")).count());
    }

    @Test
    void adoptedNameOfNothingRendered_isAnErrorAtTheProfileLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> render("GlobalNetworkPolicy/security.allow-dns: security.dns-out"));

        assertEquals(List.of("fleet/c1.yaml:6:43: error: [c1] adoptNames: GlobalNetworkPolicy/security.allow-dns is not"
                        + " rendered for this cluster\n    hint: name an object a pack renders"),
                e.diagnostics().stream().map(Diagnostic::format).toList());
    }
}
