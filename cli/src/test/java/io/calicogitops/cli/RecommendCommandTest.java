package io.calicogitops.cli;

import io.calicogitops.diag.SourceLocation;
import io.calicogitops.flows.FlowCounts;
import io.calicogitops.flows.FlowEndpoint;
import io.calicogitops.flows.FlowRecord;
import io.calicogitops.flows.FlowRecordSource;
import io.calicogitops.flows.PolicyHit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** recommend parses its options, calls the library with the records of --flow-logs and prints its summary. */
class RecommendCommandTest {

    @TempDir
    Path tmp;

    @Test
    void recommendsFromTheRecordsOfTheGivenFilesAndWritesThePack() throws Exception {
        Path fleet = CliRun.copySampleFleet(tmp.resolve("sample"));
        Path repo = tmp.resolve("repo");
        assertEquals(0, CliRun.of("render", "--fleet", fleet.toString(), "--repo", repo.toString(), "--cluster", "eks-dev").exitCode());
        List<List<Path>> asked = new ArrayList<>();
        FlowRecordSource source = files -> {
            asked.add(files);
            return List.of(intraStorefront(1796601600), intraStorefront(1796601615));
        };
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new RecommendCommand(source)).setExecutionExceptionHandler(new ExitHandler());
        cmd.setOut(new PrintWriter(out, true));
        int code = cmd.execute("--repo", repo.toString(), "--cluster", "eks-dev", "--flow-logs", "a.jsonl", "b.jsonl",
                "--out", tmp.resolve("packs").toString());
        assertEquals(0, code, out.toString());
        assertEquals(List.of(List.of(Path.of("a.jsonl"), Path.of("b.jsonl"))), asked);
        assertTrue(out.toString().startsWith("recommend eks-dev: 1 policy from 2 unprotected of 2 records"), out.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("packs/recommended-eks-dev/storefront-recommendation.yaml.mustache")));
    }

    @Test
    void minIntervalsBelowOneIsAUsageError() {
        CommandLine cmd = new CommandLine(new RecommendCommand(files -> List.of())).setExecutionExceptionHandler(new ExitHandler());
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(2, cmd.execute("--repo", tmp.toString(), "--cluster", "eks-dev", "--flow-logs", "a.jsonl",
                "--min-intervals", "0", "--out", tmp.resolve("packs").toString()));
    }

    static FlowRecord intraStorefront(long start) {
        FlowEndpoint a = new FlowEndpoint(FlowEndpoint.EndpointType.WEP, null, "storefrontend-6c9f8d7b54-*", "storefront", null, null,
                new TreeMap<>(Map.of("app", "storefrontend")));
        FlowEndpoint b = new FlowEndpoint(FlowEndpoint.EndpointType.WEP, null, "microservice1-58d7c6b9f4-*", "storefront", null, null,
                new TreeMap<>(Map.of("app", "microservice1")));
        List<PolicyHit> trace = List.of(
                new PolicyHit(0, "security", PolicyHit.HitKind.GLOBAL_NETWORK_POLICY, null, "pci-whitelist", false, PolicyHit.HitAction.PASS, 2,
                        "0|security|security.pci-whitelist|pass|2"),
                new PolicyHit(1, PolicyHit.PROFILE_TIER, PolicyHit.HitKind.PROFILE, null, "kns.storefront", false, PolicyHit.HitAction.ALLOW, 0,
                        "1|__PROFILE__|__PROFILE__.kns.storefront|allow|0"));
        return new FlowRecord(SourceLocation.of("a.jsonl", 1, 1), start, start + 15, FlowRecord.Reporter.SRC, FlowRecord.FlowAction.ALLOW,
                a, b, "tcp", 8080, null, null, null, List.of(), true, trace, trace, new FlowCounts(1, 10, 10, 1, 1));
    }
}
