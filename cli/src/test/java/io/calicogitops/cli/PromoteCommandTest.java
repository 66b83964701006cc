package io.calicogitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calicogitops.git.GitRepo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** promote on a private copy of the sample fleet: preview, refusal without --yes, commit, and the profile edit. */
class PromoteCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    Path fleet;
    Path repo;
    Path profile;
    String originalProfile;

    @BeforeEach
    void renderCopyOfSampleFleet() throws IOException {
        fleet = CliRun.copySampleFleet(tmp.resolve("sample"));
        repo = tmp.resolve("gitops");
        profile = fleet.resolve("eks-dev.yaml");
        originalProfile = Files.readString(profile);
        CliRun run = CliRun.of("render", "--fleet", fleet.toString(), "--repo", repo.toString());
        assertEquals(0, run.exitCode(), run.transcript());
    }

    private CliRun promote(String... more) {
        List<String> args = new ArrayList<>(List.of("promote", "--fleet", fleet.toString(), "--repo", repo.toString(),
                "--cluster", "eks-dev", "--policy", "default-deny"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private String head() {
        try (GitRepo git = GitRepo.open(repo)) {
            return git.commitId("HEAD").orElseThrow();
        }
    }

    @Test
    void withoutYes_listsTheFlowsThatBecomeDenied_andWritesNothing() throws IOException {
        String before = head();

        CliRun run = promote();

        assertEquals(1, run.exitCode(), run.transcript());
        assertTrue(run.out().startsWith("promote default-deny on eks-dev: StagedGlobalNetworkPolicy -> GlobalNetworkPolicy\n"),
                run.transcript());
        assertTrue(run.out().contains("/defaultDeny/mode staged -> enforced"), run.transcript());
        // dev/nginx has no egress policy of its own: once the default deny is enforced for dev, its egress dies.
        assertTrue(run.out().contains("dev/nginx -> internet TCP/443"), run.transcript());
        assertTrue(run.out().contains("default end-of-tier Deny"), run.transcript());
        assertTrue(run.out().endsWith("re-run with --yes to accept; nothing written\n"), run.transcript());
        assertEquals(originalProfile, Files.readString(profile));
        assertEquals(before, head());
    }

    @Test
    void dryRun_exitsZeroAndWritesNothing() throws IOException {
        String before = head();

        CliRun run = promote("--dry-run");

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().endsWith("dry run: nothing written\n"), run.transcript());
        assertEquals(originalProfile, Files.readString(profile));
        assertEquals(before, head());
    }

    @Test
    void withYes_editsTheProfileInPlace_commitsTheEnforcedPolicy_andEveryListedFlowIsDeniedAfterwards() throws IOException {
        CliRun preview = promote("-o", "json", "--dry-run");
        JsonNode document = MAPPER.readTree(preview.out());
        try (java.io.InputStream in = getClass().getResourceAsStream("/schemas/promote.v1.schema.json")) {
            com.networknt.schema.Schema schema = com.networknt.schema.SchemaRegistry
                    .withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12).getSchema(MAPPER.readTree(in));
            assertEquals(List.of(), schema.validate(document).stream().map(Object::toString).toList());
        }
        assertEquals("dry-run", document.path("outcome").asText());
        JsonNode denied = document.path("becomeDenied");
        assertTrue(denied.size() > 0, preview.transcript());

        CliRun run = promote("--yes");

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("committed "), run.transcript());
        assertEquals(originalProfile.replace("  mode: staged\n", "  mode: enforced\n"), Files.readString(profile));
        assertTrue(Files.exists(repo.resolve("clusters/eks-dev/calico/globalnetworkpolicy-default-deny.yaml")));
        assertFalse(Files.exists(repo.resolve("clusters/eks-dev/calico/stagedglobalnetworkpolicy-default-deny.yaml")));
        try (GitRepo git = GitRepo.open(repo)) {
            assertEquals(java.util.Set.of(), git.uncommitted(java.util.List.of("clusters/")), "promote leaves no uncommitted generated file");
        }
        // The preview is what reach now answers on the committed rendering, flow by flow.
        for (JsonNode change : denied) {
            JsonNode flow = change.path("flow");
            if (flow.path("from").asText().equals("internet") || flow.path("to").asText().equals("internet")) {
                continue;
            }
            CliRun reach = CliRun.of("reach", "--repo", repo.toString(), "--cluster", "eks-dev", "--fleet", fleet.toString(),
                    "--from", flow.path("from").asText(), "--to", flow.path("to").asText(),
                    "--port", flow.path("port").asText(), "--protocol", flow.path("protocol").asText(), "--expect", "deny");
            assertEquals(0, reach.exitCode(), reach.transcript());
        }

        CliRun again = promote();
        assertEquals(0, again.exitCode(), again.transcript());
        assertTrue(again.out().contains("already enforced"), again.transcript());
    }

    @Test
    void unknownPolicy_isAUsageErrorNamingThePromotablePolicies() {
        CliRun run = CliRun.of("promote", "--fleet", fleet.toString(), "--repo", repo.toString(), "--cluster", "eks-dev",
                "--policy", "no-such-policy");

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("promotable: default-deny"), run.transcript());
    }

    private Path packWithPromoteLine(String line) throws IOException {
        Path packs = tmp.resolve("packs");
        Files.createDirectories(packs.resolve("default-deny"));
        String builtIn = Files.readString(CliRun.projectRoot().resolve("templates/default-deny/default-deny.yaml.mustache"));
        Files.writeString(packs.resolve("default-deny/default-deny.yaml.mustache"), builtIn.replace("/defaultDeny/mode=enforced", line));
        return packs;
    }

    @Test
    void aPromoteLineThatDoesNotEnforce_isRefusedAtThatLine_andTheProfileRestored() throws IOException {
        Path packs = packWithPromoteLine("/dnsEgress/namespace=dev");
        String before = head();

        CliRun run = promote("--templates", packs.toString(), "--yes");

        assertEquals(3, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("default-deny.yaml.mustache:5:1: error: setting /dnsEgress/namespace=dev did not turn the staged"
                + " policy 'default-deny' into an enforced one"), run.transcript());
        assertEquals(originalProfile, Files.readString(profile));
        assertEquals(before, head());
    }

    @Test
    void aPromotedValueTheProfileRejects_isReportedAtTheProfileLine_andTheProfileRestored() throws IOException {
        Path packs = packWithPromoteLine("/defaultDeny/order=soon");

        CliRun run = promote("--templates", packs.toString(), "--yes");

        assertEquals(3, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("eks-dev.yaml:28:10: error: defaultDeny.order: expected a number"), run.transcript());
        assertEquals(originalProfile, Files.readString(profile));
    }

    @Test
    void withFlowLogs_observedTrafficThatWouldBeCut_isShownAndNeedsYes() throws IOException {
        // dev/nginx's observed egress to the internet: allowed now, denied once the default deny is enforced.
        Path flows = tmp.resolve("flows.log");
        Files.writeString(flows, "{\"source_type\":\"wep\",\"source_name_aggr\":\"dev-nginx-6d4cf56db6-*\",\"source_namespace\":\"dev\","
                + "\"source_labels\":{\"labels\":[\"app=nginx\",\"pod-template-hash=6d4cf56db6\"]},\"dest_type\":\"net\",\"dest_name_aggr\":\"pub\","
                + "\"dest_namespace\":\"-\",\"dest_port\":443,\"proto\":\"tcp\",\"action\":\"allow\",\"reporter\":\"src\","
                + "\"num_flows\":7,\"bytes_in\":1000,\"bytes_out\":200}\n");
        String before = head();

        CliRun json = promote("--flow-logs", flows.toString(), "-o", "json");

        assertEquals(1, json.exitCode(), json.transcript());
        JsonNode document = MAPPER.readTree(json.out());
        try (java.io.InputStream in = getClass().getResourceAsStream("/schemas/promote.v1.schema.json")) {
            com.networknt.schema.Schema schema = com.networknt.schema.SchemaRegistry
                    .withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12).getSchema(MAPPER.readTree(in));
            assertEquals(List.of(), schema.validate(document).stream().map(Object::toString).toList());
        }
        JsonNode change = document.path("observed").path("changes").path(0);
        assertEquals("would-deny", change.path("change").asText(), json.transcript());
        assertEquals("dev/dev-nginx-6d4cf56db6-*", change.path("source").asText());
        assertEquals(7, change.path("flows").asInt());
        assertEquals(1200, change.path("bytes").asInt());
        CliRun text = promote("--flow-logs", flows.toString());
        assertTrue(text.out().contains("observed flows (1 flow-log records, 0 not evaluated): become denied: 1"), text.transcript());
        assertEquals(originalProfile, Files.readString(profile));
        assertEquals(before, head());
    }
}
