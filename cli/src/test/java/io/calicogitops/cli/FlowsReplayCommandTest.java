package io.calicogitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calicogitops.git.FileChange;
import io.calicogitops.git.GitRepo;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code flows replay} end to end: exit 0 when the records agree, 1 with disagreements (JSON schema), 3 on malformed input. */
class FlowsReplayCommandTest {

    static final String POLICIES = """
            apiVersion: projectcalico.org/v3
            kind: Tier
            metadata: {name: platform}
            spec: {order: 100}
            ---
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata: {name: platform.centos-to-frontend}
            spec:
              tier: platform
              order: 10
              selector: app == 'frontend'
              types: [Ingress]
              ingress:
                - action: Allow
                  protocol: TCP
                  source: {selector: app == 'centos'}
                  destination: {ports: [80]}
            """;

    static final String WORKLOADS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: centos, namespace: dev}
            spec: {template: {metadata: {labels: {app: centos}}, spec: {containers: [{name: c, image: centos}]}}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: frontend, namespace: default}
            spec: {template: {metadata: {labels: {app: frontend}}, spec: {containers: [{name: c, image: nginx}]}}}
            """;

    static final String RECORD = "{\"source_type\":\"wep\",\"source_name\":\"-\",\"source_name_aggr\":\"centos-7d9f5c6b8-*\",\"source_namespace\":\"dev\","
            + "\"source_labels\":{\"labels\":[\"app=centos\",\"pod-template-hash=7d9f5c6b8\"]},\"dest_type\":\"wep\",\"dest_name\":\"-\","
            + "\"dest_name_aggr\":\"frontend-6c4b9d7f5-*\",\"dest_namespace\":\"default\",\"dest_labels\":{\"labels\":[\"app=frontend\"]},"
            + "\"dest_port\":%d,\"proto\":\"tcp\",\"action\":\"%s\",\"reporter\":\"dst\",\"policies\":{\"enforced_policies\":[%s]}}";

    @TempDir
    Path tmp;
    Path repo;
    Path workloads;

    @BeforeEach
    void repoWithOneCluster() throws IOException {
        repo = tmp.resolve("repo");
        try (GitRepo git = GitRepo.openOrInit(repo)) {
            git.commit(List.of(new FileChange("clusters/c1/policies.yaml", FileChange.Type.ADDED, null,
                    POLICIES.getBytes(StandardCharsets.UTF_8))), "policies", new PersonIdent("Test", "test@example.com"));
        }
        workloads = tmp.resolve("workloads.yaml");
        Files.writeString(workloads, WORKLOADS);
    }

    private CliRun replay(Path flows, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("flows", "replay", "--repo", repo.toString(), "--cluster", "c1",
                "--workloads", workloads.toString(), "--flow-logs", flows.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private Path flows(String... lines) throws IOException {
        Path f = tmp.resolve("flows.log");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    @Test
    void agreeingRecords_exit0() throws IOException {
        CliRun run = replay(flows(String.format(RECORD, 80, "allow", "\"0|platform|platform.centos-to-frontend|allow|0\""),
                String.format(RECORD, 80, "allow", "\"0|platform|gnp:centos-to-frontend|allow|0\"")));
        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("2 records: 2 agree with Git, 0 disagree, 0 skipped"), run.transcript());
    }

    @Test
    void disagreement_exit1_jsonPerSchema() throws IOException {
        CliRun run = replay(flows(String.format(RECORD, 80, "allow", "\"0|platform|platform.centos-to-frontend|allow|0\""),
                String.format(RECORD, 8080, "allow", "\"0|platform|platform.centos-to-frontend|allow|0\"")), "-o", "json");
        assertEquals(1, run.exitCode(), run.transcript());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("calico-gitops/flow-replay/v1", json.get("schema").asText());
        assertEquals(2, json.get("records").asInt());
        assertEquals(1, json.get("agreed").asInt());
        assertEquals(1, json.get("disagreed").asInt());
        assertEquals(0, json.get("skipped").asInt());
        JsonNode d = json.get("disagreements").get(0);
        assertTrue(d.get("source").asText().endsWith("flows.log:2"), d.toString());
        assertEquals("verdict", d.get("category").asText());
        assertFalse(d.get("sentence").asText().isEmpty());
        try (java.io.InputStream in = getClass().getResourceAsStream("/schemas/flow-replay.v1.schema.json")) {
            com.networknt.schema.Schema schema = com.networknt.schema.SchemaRegistry
                    .withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12).getSchema(new ObjectMapper().readTree(in));
            assertEquals(List.of(), schema.validate(json).stream().map(Object::toString).toList());
        }
    }

    @Test
    void malformed_exit3_allListed_nothingWritten_unlessSkipped() throws IOException {
        Path f = flows(String.format(RECORD, 80, "allow", "\"0|platform|platform.centos-to-frontend|allow|0\""), "{broken",
                String.format(RECORD, 80, "perhaps", ""));
        Path out = tmp.resolve("out/report.json");
        CliRun run = replay(f, "-o", "json", "--output-file", out.toString());
        assertEquals(3, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("flows.log:2:"), run.transcript());
        assertTrue(run.err().contains("flows.log:3:"), run.transcript());
        assertFalse(Files.exists(out));

        CliRun skipped = replay(f, "--skip-malformed");
        assertEquals(0, skipped.exitCode(), skipped.transcript());
        assertTrue(skipped.out().contains("3 records: 1 agree with Git, 0 disagree, 2 skipped"), skipped.transcript());
    }

    @Test
    void impact_noStagedPolicy_nothingChanges_exit0() throws IOException {
        Path f = flows(String.format(RECORD, 80, "allow", "\"0|platform|platform.centos-to-frontend|allow|0\""));
        CliRun run = CliRun.of("flows", "impact", "--repo", repo.toString(), "--cluster", "c1", "--workloads", workloads.toString(),
                "--flow-logs", f.toString());
        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("No observed flow would change."), run.transcript());
    }

    @Test
    void diagramWithFlowLogs_marksUsedAndNeverUsed() throws IOException {
        Files.writeString(workloads, WORKLOADS.replace("image: nginx}", "image: nginx, ports: [{containerPort: 80}]}"));
        Path f = flows(String.format(RECORD, 80, "allow", ""));
        CliRun used = CliRun.of("diagram", "--repo", repo.toString(), "--cluster", "c1", "--workloads", workloads.toString(),
                "-o", "text", "--flow-logs", f.toString());
        assertEquals(0, used.exitCode(), used.transcript());
        assertTrue(used.out().contains("dev/centos -> default/frontend  TCP/80 [used]"), used.transcript());
        assertTrue(used.out().contains("Allowed but never used (candidates to tighten): 0"), used.transcript());

        Path other = flows(String.format(RECORD, 8080, "deny", ""));
        CliRun unused = CliRun.of("diagram", "--repo", repo.toString(), "--cluster", "c1", "--workloads", workloads.toString(),
                "-o", "text", "--flow-logs", other.toString());
        assertTrue(unused.out().contains("TCP/80 [never used]"), unused.transcript());
        assertTrue(unused.out().contains("TCP/8080 [denied attempt]"), unused.transcript());
    }
}
