package io.calicogitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One run reports the mistakes of every stage (profile, platform, template, schema), exits 3 and writes nothing. */
class AllErrorsEndToEndTest {

    @TempDir
    Path tmp;

    @Test
    void render_profileTypoPlatformRefusalTemplateAndSchemaErrors_allReportedInOneRunExit3NothingWritten() throws Exception {
        Path fleet = Files.createDirectories(tmp.resolve("fleet"));
        Files.writeString(fleet.resolve("aks-broken.yaml"), String.join("\n",
                "name: aks-broken",
                "provider: AKS",
                "cni: azure",
                "wireguard: true",
                "l7Logging: true",
                "packs: [tiers, felix, installation, mine]",
                "dnsEgres: {domains: ['*.twilio.com']}",
                ""));
        Files.writeString(fleet.resolve("eks-schema.yaml"), String.join("\n",
                "name: eks-schema",
                "provider: EKS",
                "cni: calico",
                "packs: [tiers, mine]",
                "values: {webOrder: high}",
                ""));
        Path pack = Files.createDirectories(tmp.resolve("packs/mine"));
        Files.writeString(pack.resolve("web.yaml.mustache"), String.join("\n",
                "apiVersion: projectcalico.org/v3",
                "kind: NetworkPolicy",
                "metadata:",
                "  name: platform.web",
                "  namespace: default",
                "spec:",
                "  tier: platform",
                "  order: {{values.webOrder}}",
                "  selector: app == \"web\"",
                ""));
        Path repo = tmp.resolve("r");

        CliRun run = CliRun.of("render", "--fleet", fleet.toString(), "--templates", tmp.resolve("packs").toString(),
                "--repo", repo.toString());

        assertEquals(3, run.exitCode(), run.transcript());
        String err = run.err();
        assertTrue(Pattern.compile("(?m)^\\S*fleet/aks-broken\\.yaml:7:1: error: dnsEgres: unknown key$").matcher(err).find(), run.transcript());
        assertTrue(Pattern.compile("(?m)^\\S*fleet/aks-broken\\.yaml:4:\\d+: error: \\[aks-broken\\] overlays 'wireguard' and 'l7-logging' cannot be combined")
                .matcher(err).find(), run.transcript());
        assertTrue(Pattern.compile("(?m)^\\S*mine/web\\.yaml\\.mustache:8: error: \\[aks-broken\\] missing template variable 'values.webOrder'$")
                .matcher(err).find(), run.transcript());
        assertTrue(Pattern.compile("(?m)^\\S*mine/web\\.yaml\\.mustache:8:\\d+: error: \\[eks-schema\\] spec.order: expected number")
                .matcher(err).find(), run.transcript());
        assertTrue(Pattern.compile("(?m)^4 errors; nothing was written$").matcher(err).find(), run.transcript());
        assertEquals("", run.out());
        assertFalse(Files.exists(repo), "nothing was written");
    }

    @Test
    void validate_tierTypoInProfile_reportedOnceAtTheProfileLineExit3() throws Exception {
        Path fleet = CliRun.copySampleFleet(tmp.resolve("sample"));
        Files.writeString(fleet.resolve("eks-tiers.yaml"), String.join("\n",
                "name: eks-tiers",
                "provider: EKS",
                "cni: calico",
                "packs: [tiers, kube-dns]",
                "tiers:",
                "  - {name: platform, order: 300}",
                "  - {name: secuirty, order: 400}",
                ""));

        CliRun run = CliRun.of("validate", "--fleet", fleet.toString());

        assertEquals(3, run.exitCode(), run.transcript());
        assertTrue(Pattern.compile("(?m)^\\S*fleet/eks-tiers\\.yaml:7:\\d+: error: tiers\\[1\\]\\.name: tier 'secuirty' holds no policy")
                .matcher(run.err()).find(), run.transcript());
        assertTrue(run.err().contains("hint: did you mean 'security'?"), run.transcript());
        assertFalse(run.err().contains("does not exist"), "no second report at the template line: " + run.transcript());
        assertTrue(run.err().contains("1 error; nothing was written"), run.transcript());
    }
}
