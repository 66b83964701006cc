package io.calicogitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** reach, check segmentation, diagram, lint and matrix on the rendered sample fleet, as a user runs them. */
class EvaluationCommandsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path tmp;

    static Path repo;

    @BeforeAll
    static void renderSampleFleet() {
        repo = tmp.resolve("gitops");
        CliRun run = CliRun.of("render", "--fleet", CliRun.sampleFleet(), "--repo", repo.toString());
        assertEquals(0, run.exitCode(), run.transcript());
    }

    private static CliRun eval(String command, String cluster, String... more) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--repo", repo.toString(), "--cluster", cluster, "--fleet", CliRun.sampleFleet()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static Schema schema(String name) throws IOException {
        try (InputStream in = EvaluationCommandsTest.class.getResourceAsStream("/schemas/" + name)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(MAPPER.readTree(in));
        }
    }

    @Test
    void reach_icmp_takesTypeAndCode_andRefusesAPort() throws IOException {
        CliRun run = eval("reach", "eks-prod", "--from", "dev/centos", "--to", "default/frontend", "--protocol", "ICMP",
                "--icmp-type", "8", "--icmp-code", "0", "-o", "json");

        assertEquals(0, run.exitCode(), run.transcript());
        JsonNode json = MAPPER.readTree(run.out());
        assertEquals(8, json.at("/flow/icmpType").asInt(), run.out());
        assertEquals(0, json.at("/flow/icmpCode").asInt(), run.out());
        assertTrue(json.at("/flow/port").isMissingNode(), run.out());
        assertEquals(List.of(), schema("reach.v1.schema.json").validate(json).stream().map(Object::toString).toList());

        CliRun port = eval("reach", "eks-prod", "--from", "dev/centos", "--to", "default/frontend", "--protocol", "ICMP", "--port", "8");
        assertEquals(2, port.exitCode(), port.transcript());
        assertTrue(port.err().contains("give --icmp-type"), port.transcript());
        CliRun tcp = eval("reach", "eks-prod", "--from", "dev/centos", "--to", "default/frontend", "--port", "80", "--icmp-type", "8");
        assertEquals(2, tcp.exitCode(), tcp.transcript());
    }

    @Test
    void reach_centosToFrontend_allowedWithTraceOfBothEnds() {
        CliRun run = eval("reach", "eks-prod", "--from", "dev/centos", "--to", "default/frontend", "--port", "8080");

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().startsWith("ALLOW  dev/centos -> default/frontend TCP/8080   (staged: allow)\n"), run.transcript());
        assertTrue(run.out().contains("I@default/frontend: security/security.pass-to-next-tier rule 1 Pass -> default/frontend rule 2 Allow"),
                run.transcript());
        assertTrue(run.out().contains("policies: clusters/eks-prod at "), run.transcript());
    }

    @Test
    void reach_pciBackendToFrontend_deniedByThePciWhitelist() {
        CliRun run = eval("reach", "eks-prod", "--from", "storefront/backend", "--to", "default/frontend", "--port", "8080");

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().startsWith("DENY  "), run.transcript());
        assertTrue(run.out().contains("E@storefront/backend: security/security.pci-whitelist rule 2 Deny"), run.transcript());
    }

    @Test
    void reach_json_hasVerdictStagedVerdictAndTrace_andMatchesTheSchema() throws IOException {
        CliRun run = eval("reach", "eks-dev", "--from", "default/currencyservice", "--to", "default/frontend", "--port", "8080",
                "-o", "json");

        assertEquals(0, run.exitCode(), run.transcript());
        JsonNode json = MAPPER.readTree(run.out());
        assertEquals("allow", json.path("verdict").asText(), run.out());
        assertEquals("deny", json.path("stagedVerdict").asText(), "the staged default-deny of eks-dev would deny it");
        assertEquals("egress", json.path("trace").path(0).path("direction").asText());
        assertEquals("denied-end-of-tier", json.path("stagedTrace").path(0).path("outcome").asText(), run.out());
        assertEquals(List.of(), schema("reach.v1.schema.json").validate(json).stream().map(Object::toString).toList());
    }

    @Test
    void reach_expectNotMet_exits1() {
        CliRun run = eval("reach", "eks-prod", "--from", "storefront/backend", "--to", "default/frontend", "--port", "8080",
                "--expect", "allow");

        assertEquals(1, run.exitCode(), run.transcript());
    }

    @Test
    void reach_externalDomainAndIp_areEndpointsOnTheFly() {
        CliRun blocked = eval("reach", "eks-prod", "--from", "198.51.100.7", "--to", "default/frontend", "--port", "8080");
        CliRun twilio = eval("reach", "eks-prod", "--from", "default/emailservice", "--to", "api.twilio.com", "--port", "443");

        assertTrue(blocked.out().startsWith("DENY  198.51.100.7 -> default/frontend"), blocked.transcript());
        assertTrue(blocked.out().contains("security/security.block-ips rule 1 Deny"), blocked.transcript());
        assertTrue(twilio.out().startsWith("ALLOW  default/emailservice -> api.twilio.com"), twilio.transcript());
    }

    @Test
    void reach_unknownWorkload_exits2AndListsWorkloads() {
        CliRun run = eval("reach", "eks-prod", "--from", "dev/nope", "--to", "default/frontend", "--port", "8080");

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("--from: no workload, external endpoint, IP or DNS name 'dev/nope'"), run.transcript());
    }

    @Test
    void reach_liveSnapshot_policiesAndPodsWithIpsFromTheFile() throws IOException {
        Path live = tmp.resolve("live-with-pods.yaml");
        Files.writeString(live, """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: projectcalico.org/v3
                  kind: GlobalNetworkPolicy
                  metadata: {name: security.block}
                  spec: {tier: security, order: 1, selector: app == "web", ingress: [{action: Deny, source: {nets: [10.0.0.0/24]}}, {action: Pass}]}
                - apiVersion: projectcalico.org/v3
                  kind: Tier
                  metadata: {name: security}
                  spec: {order: 400}
                - apiVersion: v1
                  kind: Pod
                  metadata: {name: web-1, namespace: shop, labels: {app: web}}
                  spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}
                  status: {podIP: 10.0.1.7}
                - apiVersion: v1
                  kind: Pod
                  metadata: {name: client, namespace: shop, labels: {app: client}}
                  spec: {containers: [{name: c}]}
                  status: {podIP: 10.0.0.9}
                """);

        CliRun run = CliRun.of("reach", "--repo", repo.toString(), "--cluster", "eks-prod", "--live", live.toString(),
                "--from", "shop/client", "--to", "shop/web", "--port", "80");

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().startsWith("DENY  shop/client -> shop/web TCP/80"), run.transcript());
        assertTrue(run.out().contains("I@shop/web: security/security.block rule 1 Deny"), run.transcript());
        assertTrue(run.out().contains("policies: live: files: "), run.transcript());
    }

    @Test
    void checkSegmentation_eksProd_holdsAndMatchesTheSchema() throws IOException {
        CliRun text = eval("check segmentation", "eks-prod");
        CliRun json = eval("check segmentation", "eks-prod", "-o", "json");

        assertEquals(0, text.exitCode(), text.transcript());
        assertTrue(text.out().startsWith("segmentation of eks-prod by PCI=true: HOLDS\n"), text.transcript());
        assertTrue(text.out().contains("in scope (4): storefront/backend, storefront/microservice1"), text.transcript());
        JsonNode node = MAPPER.readTree(json.out());
        assertTrue(node.path("holds").asBoolean());
        assertTrue(node.path("flowsChecked").asInt() > 100, json.out());
        assertEquals(List.of(), schema("segmentation.v1.schema.json").validate(node).stream().map(Object::toString).toList());
    }

    @Test
    void checkSegmentation_labelThatNothingSegments_exits1WithCounterExamples() {
        CliRun run = eval("check segmentation", "eks-prod", "--label", "app=frontend");

        assertEquals(1, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("VIOLATED"), run.transcript());
        assertTrue(run.out().contains("counter-examples ("), run.transcript());
        assertTrue(run.out().contains("  ALLOW default/frontend -> default/"), run.transcript());
    }

    @Test
    void checkSegmentation_labelNoWorkloadCarries_saysThereWasNothingToProve() {
        CliRun run = eval("check segmentation", "eks-prod", "--label", "cde");

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("in scope (0): \n"), run.transcript());
        assertTrue(run.out().contains("note: no workload carries cde=true: there was nothing to prove"), run.transcript());
    }

    @Test
    void checkSegmentation_profileException_coversTheFlow(@TempDir Path copy) throws IOException {
        Path fleet = CliRun.copySampleFleet(copy);
        Path profile = fleet.resolve("eks-prod.yaml");
        Files.writeString(profile, withoutSegmentation(profile) + "\nsegmentation:\n  label: app\n  allowedFlows:\n"
                + "    - {from: 'all()', to: 'all()'}\n");
        CliRun run = CliRun.of("check", "segmentation", "--repo", repo.toString(), "--cluster", "eks-prod", "--fleet",
                fleet.toString(), "--label", "app=frontend");

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("exception: all() -> all()"), run.transcript());
    }

    /** The sample profile with its own segmentation block (the DNS exception) taken out, to put the test's in. */
    private static String withoutSegmentation(Path profile) throws IOException {
        return Files.readString(profile).replaceAll("(?m)^segmentation:\\n(?:[ #].*\\n)+", "");
    }

    @Test
    void checkSegmentation_badProfileBlock_exits3WithLocation(@TempDir Path copy) throws IOException {
        Path fleet = CliRun.copySampleFleet(copy);
        Path profile = fleet.resolve("eks-prod.yaml");
        Files.writeString(profile, withoutSegmentation(profile) + "\nsegmentation:\n  allowedFlows:\n"
                + "    - {from: 'app = \"x\"', port: 99999, protocl: UDP}\n");
        CliRun run = CliRun.of("check", "segmentation", "--repo", repo.toString(), "--cluster", "eks-prod", "--fleet", fleet.toString());

        assertEquals(3, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("eks-prod.yaml:"), run.transcript());
        assertTrue(run.err().contains("segmentation.allowedFlows[0].from: selector"), run.transcript());
        assertTrue(run.err().contains("port"), run.transcript());
        assertTrue(run.err().contains("protocl"), run.transcript());
    }

    @Test
    void diagram_svg_isSelfContainedAndDeterministic() {
        CliRun a = eval("diagram", "eks-prod", "-o", "svg");
        CliRun b = eval("diagram", "eks-prod", "-o", "svg");

        assertEquals(0, a.exitCode(), a.transcript());
        assertEquals(a.out(), b.out());
        assertTrue(a.out().contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), a.out());
        assertTrue(a.out().contains("namespace storefront"));
        assertFalse(a.out().contains("<script"));
        assertFalse(a.out().replace("http://www.w3.org/2000/svg", "").contains("http"), "no external references");
        assertTrue(a.out().contains("storefront/storefrontend -&gt; storefront/microservice1"), "an allowed PCI flow is drawn");
        assertFalse(a.out().contains("storefront/backend -&gt; default/"), "PCI to non-PCI is not drawn");
    }

    @Test
    void diagram_svg_ofTheSampleCluster_isReadable() throws Exception {
        CliRun run = eval("diagram", "eks-prod", "--format", "svg");

        assertEquals(0, run.exitCode(), run.transcript());
        // No two labels overlap, every text fits in the view box, every arrow starts and ends on its boxes.
        assertEquals(List.of(), io.calicogitops.policy.SvgGeometry.problems(run.out()));
    }

    @Test
    void diagram_dotAndMermaid_drawTheSameArrows() {
        CliRun dot = eval("diagram", "eks-prod", "-o", "dot");
        CliRun mermaid = eval("diagram", "eks-prod", "-o", "mermaid");

        assertTrue(dot.out().startsWith("digraph network {"), dot.out());
        assertTrue(dot.out().contains("\"default/frontend\" -> \"default/cartservice\" [label=\"TCP/7070\"];"), dot.out());
        assertTrue(mermaid.out().startsWith("flowchart LR\n"), mermaid.out());
        assertEquals(dot.out().lines().filter(l -> l.contains(" -> ")).count(),
                mermaid.out().lines().filter(l -> l.contains(" -->|")).count());
    }

    @Test
    void lint_sampleClusters_onlyTheStagedDefaultDenyOfTheDevClusters() {
        CliRun prod = eval("lint", "eks-prod");
        CliRun dev = eval("lint", "eks-dev");
        CliRun strict = eval("lint", "eks-dev", "--strict");

        assertEquals(0, prod.exitCode(), prod.transcript());
        assertTrue(prod.out().startsWith("0 warnings in clusters/eks-prod at "), prod.transcript());
        assertEquals(0, dev.exitCode(), dev.transcript());
        assertTrue(dev.out().startsWith("clusters/eks-dev/calico/stagedglobalnetworkpolicy-default-deny.yaml:6:9: warning: CG-L004: staged policy default-deny would deny "),
                dev.transcript());
        assertEquals(1, strict.exitCode(), strict.transcript());
    }

    @Test
    void matrix_csv_quotesFieldsAndNeutralisesFormulas(@TempDir Path dir) throws IOException {
        // Names come from whatever manifests are given; a spreadsheet must not run them nor split them.
        Path workloads = Files.writeString(dir.resolve("w.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata: {name: "a,b", namespace: "=cmd", labels: {app: "a,b"}}
                spec: {containers: [{name: c, image: i, ports: [{containerPort: 80}]}]}
                """);

        CliRun run = eval("matrix", "eks-prod", "-o", "csv", "--workloads", workloads.toString());

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().startsWith("from,to,protocol,port,verdict\n"), run.transcript());
        assertTrue(run.out().contains(",\"'=cmd/a,b\",TCP,80,"), run.transcript());
    }

    @Test
    void matrix_compiledAndReferenceEngines_printTheSameCells() {
        CliRun compiled = eval("matrix", "eks-prod", "-o", "csv");
        CliRun reference = eval("matrix", "eks-prod", "-o", "csv", "--engine", "reference");

        assertEquals(0, compiled.exitCode(), compiled.transcript());
        assertTrue(compiled.out().startsWith("from,to,protocol,port,verdict\n"), compiled.out());
        assertTrue(compiled.out().contains("\ndefault/frontend,default/cartservice,TCP,7070,allow\n"), compiled.out());
        assertTrue(compiled.out().contains("\nstorefront/backend,default/frontend,TCP,8080,deny\n"), compiled.out());
        assertEquals(compiled.out(), reference.out());
    }

    @Test
    void validate_runsLintOnTheRenderedClusters() {
        CliRun run = CliRun.of("validate", "--fleet", CliRun.sampleFleet());
        CliRun strict = CliRun.of("validate", "--fleet", CliRun.sampleFleet(), "--strict");

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("lint: 2 findings"), run.transcript());
        assertTrue(run.err().contains("clusters/aks-dev/calico/stagedglobalnetworkpolicy-default-deny.yaml:6:9: warning: CG-L004"), run.transcript());
        assertEquals(1, strict.exitCode(), strict.transcript());
    }

    /** A live snapshot whose only policy denies shop/web's ingress from client source ports 40000-50000. */
    private static Path sourcePortSnapshot() throws IOException {
        Path live = tmp.resolve("live-source-ports.yaml");
        Files.writeString(live, """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: projectcalico.org/v3
                  kind: GlobalNetworkPolicy
                  metadata: {name: security.web}
                  spec:
                    tier: security
                    order: 1
                    selector: app == "web"
                    ingress: [{action: Deny, protocol: TCP, source: {ports: ['40000:50000']}}, {action: Allow}]
                    egress: [{action: Deny}]
                - apiVersion: projectcalico.org/v3
                  kind: Tier
                  metadata: {name: security}
                  spec: {order: 400}
                - apiVersion: v1
                  kind: Pod
                  metadata: {name: web-1, namespace: shop, labels: {app: web}}
                  spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}
                - apiVersion: v1
                  kind: Pod
                  metadata: {name: client, namespace: shop, labels: {app: client}}
                  spec: {containers: [{name: c}]}
                """);
        return live;
    }

    private static CliRun onSnapshot(String command, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--repo", repo.toString(), "--cluster", "eks-prod", "--live", sourcePortSnapshot().toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void reach_sourcePortRule_dependsOnSourcePort_withTheRangesInTextAndJson() throws IOException {
        CliRun text = onSnapshot("reach", "--from", "shop/client", "--to", "shop/web", "--port", "80");
        CliRun json = onSnapshot("reach", "--from", "shop/client", "--to", "shop/web", "--port", "80", "-o", "json");
        CliRun expect = onSnapshot("reach", "--from", "shop/client", "--to", "shop/web", "--port", "80", "--expect", "allow");

        assertEquals(0, text.exitCode(), text.transcript());
        assertTrue(text.out().startsWith("DEPENDS ON SOURCE PORT  shop/client -> shop/web TCP/80"), text.transcript());
        assertTrue(text.out().contains("\n  source ports 32768-39999: allow\n"), text.transcript());
        assertTrue(text.out().contains("\n  source ports 40000-50000: deny\n    E@shop/client: no policy selects it -> allow\n"
                + "    I@shop/web: security/security.web rule 1 Deny\n"), text.transcript());
        assertTrue(text.out().contains("\n  source ports 50001-60999: allow\n"), text.transcript());
        JsonNode node = MAPPER.readTree(json.out());
        assertEquals("depends-on-source-port", node.path("verdict").asText(), json.out());
        assertEquals(32768, node.at("/flow/sourcePorts/min").asInt(), json.out());
        assertEquals(60999, node.at("/flow/sourcePorts/max").asInt(), json.out());
        assertEquals(3, node.path("bySourcePort").size(), json.out());
        assertEquals(40000, node.at("/bySourcePort/1/sourcePorts/min").asInt(), json.out());
        assertEquals(50000, node.at("/bySourcePort/1/sourcePorts/max").asInt(), json.out());
        assertEquals("deny", node.at("/bySourcePort/1/verdict").asText(), json.out());
        assertEquals(List.of(), schema("reach.v1.schema.json").validate(node).stream().map(Object::toString).toList());
        assertEquals(1, expect.exitCode(), "allowed for some source ports only is not 'allow': " + expect.transcript());
    }

    @Test
    void reach_sourcePortOption_singlePortOrRange_andRefusesABadOne() throws IOException {
        CliRun one = onSnapshot("reach", "--from", "shop/client", "--to", "shop/web", "--port", "80", "--source-port", "80",
                "-o", "json");
        CliRun denied = onSnapshot("reach", "--from", "shop/client", "--to", "shop/web", "--port", "80", "--source-port", "45000:46000");
        CliRun bad = onSnapshot("reach", "--from", "shop/client", "--to", "shop/web", "--port", "80", "--source-port", "70000");

        assertEquals(0, one.exitCode(), one.transcript());
        JsonNode node = MAPPER.readTree(one.out());
        assertEquals("allow", node.path("verdict").asText(), one.out());
        assertEquals(80, node.at("/flow/sourcePorts/min").asInt(), one.out());
        assertEquals(80, node.at("/flow/sourcePorts/max").asInt(), one.out());
        assertTrue(node.path("bySourcePort").isMissingNode(), one.out());
        assertTrue(denied.out().startsWith("DENY  shop/client -> shop/web TCP/80"), denied.transcript());
        assertEquals(2, bad.exitCode(), bad.transcript());
        assertTrue(bad.err().contains("--source-port: expected a port N or a range A:B"), bad.transcript());
    }

    @Test
    void matrix_sourcePortRule_cellDependsOnSourcePort_csvJsonText_bothEngines() throws IOException {
        CliRun csv = onSnapshot("matrix", "-o", "csv");
        CliRun reference = onSnapshot("matrix", "-o", "csv", "--engine", "reference");
        CliRun json = onSnapshot("matrix", "-o", "json");
        CliRun text = onSnapshot("matrix");

        assertEquals(0, csv.exitCode(), csv.transcript());
        assertTrue(csv.out().contains("\nshop/client,shop/web,TCP,80,depends-on-source-port\n"), csv.out());
        assertEquals(csv.out(), reference.out());
        JsonNode node = MAPPER.readTree(json.out());
        assertEquals(1, node.path("dependsOnSourcePort").asInt(), json.out());
        JsonNode cell = node.at("/flows/0");
        assertEquals("depends-on-source-port", cell.path("verdict").asText(), json.out());
        assertEquals("[{\"min\":32768,\"max\":39999,\"verdict\":\"allow\"},{\"min\":40000,\"max\":50000,\"verdict\":\"deny\"},"
                + "{\"min\":50001,\"max\":60999,\"verdict\":\"allow\"}]", cell.path("bySourcePort").toString());
        assertTrue(text.out().contains("  depends on source port  shop/client -> shop/web TCP/80: 32768-39999 allow, "
                + "40000-50000 deny, 50001-60999 allow\n"), text.transcript());
    }

    @Test
    void checkSegmentation_allowedFromSomeSourcePortsOnly_isAViolation() throws IOException {
        CliRun text = onSnapshot("check segmentation", "--label", "app=web");
        CliRun json = onSnapshot("check segmentation", "--label", "app=web", "-o", "json");
        CliRun blocked = onSnapshot("check segmentation", "--label", "app=web", "--source-port", "40000:50000");

        assertEquals(1, text.exitCode(), text.transcript());
        assertTrue(text.out().contains("source ports 32768-60999)"), text.transcript());
        assertTrue(text.out().contains("  ALLOW shop/client -> shop/web TCP/80 from source ports 32768-39999 only\n"), text.transcript());
        JsonNode node = MAPPER.readTree(json.out());
        assertEquals(32768, node.at("/violations/0/flow/sourcePorts/min").asInt(), json.out());
        assertEquals(39999, node.at("/violations/0/flow/sourcePorts/max").asInt(), json.out());
        assertEquals(60999, node.at("/sourcePorts/max").asInt(), json.out());
        assertEquals(List.of(), schema("segmentation.v1.schema.json").validate(node).stream().map(Object::toString).toList());
        assertEquals(0, blocked.exitCode(), "every port of 40000-50000 is denied: " + blocked.transcript());
    }

    @Test
    void reach_profileEvaluationSourcePorts_isTheDefault_andABadValueIsExit3(@TempDir Path copy) throws IOException {
        Path fleet = CliRun.copySampleFleet(copy);
        Path profile = fleet.resolve("eks-prod.yaml");
        String original = Files.readString(profile);
        Files.writeString(profile, original + "\nevaluation:\n  sourcePorts: '1024:2047'\n");
        CliRun run = CliRun.of("reach", "--repo", repo.toString(), "--cluster", "eks-prod", "--fleet", fleet.toString(),
                "--from", "dev/centos", "--to", "default/frontend", "--port", "8080", "-o", "json");
        Files.writeString(profile, original + "\nevaluation:\n  sourcePorts: 'high'\n");
        CliRun bad = CliRun.of("reach", "--repo", repo.toString(), "--cluster", "eks-prod", "--fleet", fleet.toString(),
                "--from", "dev/centos", "--to", "default/frontend", "--port", "8080");

        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals(1024, MAPPER.readTree(run.out()).at("/flow/sourcePorts/min").asInt(), run.out());
        assertEquals(2047, MAPPER.readTree(run.out()).at("/flow/sourcePorts/max").asInt(), run.out());
        assertEquals(3, bad.exitCode(), bad.transcript());
        assertTrue(bad.err().contains("eks-prod.yaml:"), bad.transcript());
        assertTrue(bad.err().contains("evaluation.sourcePorts: expected a port N or a range A:B"), bad.transcript());
    }
}
