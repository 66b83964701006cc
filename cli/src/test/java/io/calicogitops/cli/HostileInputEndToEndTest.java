package io.calicogitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.SortedSet;

import static io.calicogitops.cli.CliRun.copySampleFleet;
import static io.calicogitops.cli.CliRun.files;
import static io.calicogitops.cli.CliRun.sampleFleet;
import static io.calicogitops.cli.CliRun.sampleRepo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names and values written to attack the paths the tool writes or the shell that may run it: every one is refused as
 * invalid input (exit 3, compiler-style location) or a usage error (exit 2) before anything is written.
 */
class HostileInputEndToEndTest {

    private static final String[] HOSTILE_NAMES = {"../../escape", "a;rm -rf ~", "$(touch pwned)", "`touch pwned`",
            "a/b", "..", "x\ny", "a|b&c>d"};

    @TempDir
    Path tmp;

    private static String yamlString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @ParameterizedTest(name = "cluster name {0}")
    @ValueSource(strings = {"../../escape", "a;rm -rf ~", "$(touch pwned)", "`touch pwned`", "a/b", "..", "x\ny", "a|b&c>d"})
    void render_clusterNameWithPathOrShellCharacters_exits3AndWritesNothing(String name) throws IOException {
        Path fleet = Files.createDirectories(tmp.resolve("fleet"));
        Files.writeString(fleet.resolve("evil.yaml"), "name: " + yamlString(name) + "\nprovider: EKS\ncni: aws-vpc\n");
        Path repo = tmp.resolve("work/repo");

        CliRun run = CliRun.of("render", "--fleet", fleet.toString(), "--repo", repo.toString());

        assertEquals(3, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("evil.yaml:1:7: error: name: must be a DNS-1123 label"), run.transcript());
        assertTrue(run.err().endsWith("1 error; nothing was written\n"), run.transcript());
        assertEquals(Set.of("fleet/evil.yaml"), Set.copyOf(files(tmp)), "nothing was written anywhere");
        assertFalse(Files.exists(Path.of("pwned")) || Files.exists(tmp.resolve("pwned")));
    }

    @Test
    void auditHistoryAndLog_clusterOptionWithPathOrShellCharacters_exit2BeforeReadingAnything() {
        Path repo = tmp.resolve("gitops");
        assertEquals(0, CliRun.of("render", "--fleet", sampleFleet(), "--repo", repo.toString(), "--cluster", "eks-dev").exitCode());
        SortedSet<String> before = files(tmp);

        for (String name : HOSTILE_NAMES) {
            CliRun audit = CliRun.of("audit", "--repo", repo.toString(), "--cluster", name,
                    "--live", sampleRepo().resolve("live/eks-dev.yaml").toString(), "--record");
            CliRun history = CliRun.of("history", "--repo", repo.toString(), "--cluster", name);
            CliRun show = CliRun.of("log", "show", "--repo", repo.toString(), "--cluster", name);

            for (CliRun run : java.util.List.of(audit, history, show)) {
                assertEquals(2, run.exitCode(), run.transcript());
                assertTrue(run.err().contains("must be a DNS-1123 label") || run.err().contains("must not be empty")
                        || run.err().contains("is not a cluster name"), run.transcript());
            }
        }
        assertEquals(before, files(tmp), "nothing was written");
    }

    @Test
    void render_templateWhoseResourceNameClimbsOutOfTheClusterFolder_exits3AndWritesNothing() throws IOException {
        Path fleet = Files.createDirectories(tmp.resolve("fleet"));
        Files.writeString(fleet.resolve("c1.yaml"), "name: c1\nprovider: EKS\ncni: aws-vpc\npacks: [tiers, mine]\n");
        Path pack = Files.createDirectories(tmp.resolve("packs/mine"));
        Files.writeString(pack.resolve("evil.yaml.mustache"), """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkSet
                metadata:
                  name: ../../../../escape
                spec:
                  nets: [10.0.0.0/8]
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkSet
                metadata:
                  name: "a;touch pwned"
                spec:
                  nets: [10.0.0.0/8]
                """);
        Path repo = tmp.resolve("work/repo");

        CliRun run = CliRun.of("render", "--fleet", fleet.toString(), "--repo", repo.toString(),
                "--templates", tmp.resolve("packs").toString());

        assertEquals(3, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("evil.yaml.mustache:4:9: error: "), run.transcript());
        assertTrue(run.err().contains("evil.yaml.mustache:11:9: error: "), run.transcript());
        assertFalse(Files.exists(tmp.resolve("work")), "nothing was written:\n" + files(tmp));
        assertFalse(Files.exists(tmp.resolve("escape")) || Files.exists(tmp.getParent().resolve("escape")));
    }

    @Test
    void render_selectorLabelsAtCalicosLimitAreAccepted_oneCharacterMoreIsAnErrorAtItsColumn() throws IOException {
        // Calico's selector tokenizer takes identifiers of up to 512 characters; Kubernetes keys are at most a
        // 253-character prefix, '/', and a 63-character name, with values of up to 63 characters.
        String kubernetesMax = "a".repeat(253) + "/" + "b".repeat(63) + " == \"" + "v".repeat(63) + "\"";
        String calicoMax = "k".repeat(512) + " == \"x\"";
        String tooLong = "k".repeat(513) + " == \"x\"";

        CliRun atLimit = renderWithDnsSelector(kubernetesMax + " && " + calicoMax, "ok");
        CliRun over = renderWithDnsSelector("app == \"x\" && " + tooLong, "over");

        assertEquals(0, atLimit.exitCode(), atLimit.transcript());
        Path folder = tmp.resolve("ok/repo/clusters/aks-dev/calico");
        String rendered = "";
        for (String f : files(folder)) {
            String text = Files.readString(folder.resolve(f));
            if (text.contains("selector: ") && text.contains("k".repeat(512))) {
                rendered = text;
            }
        }
        assertTrue(rendered.contains("b".repeat(63)), rendered);
        assertEquals(3, over.exitCode(), over.transcript());
        assertTrue(over.err().contains("aks-dev.yaml:34:"), over.transcript());
        assertTrue(over.err().contains("label too long (513 > 512)"), over.transcript());
        assertFalse(Files.exists(tmp.resolve("over/repo")), "nothing was written");
    }

    private CliRun renderWithDnsSelector(String selector, String name) throws IOException {
        Path fleet = copySampleFleet(tmp.resolve(name + "/sample"));
        Path profile = fleet.resolve("aks-dev.yaml");
        String text = Files.readString(profile);
        assertTrue(text.contains("  workloadSelector: app == \"centos\"\n"), "aks-dev.yaml line 34 holds the selector");
        Files.writeString(profile, text.replace("  workloadSelector: app == \"centos\"\n",
                "  workloadSelector: '" + selector + "'\n"));
        return CliRun.of("render", "--fleet", fleet.toString(), "--repo", tmp.resolve(name + "/repo").toString(),
                "--cluster", "aks-dev");
    }

    @Test
    void render_nameKubernetesAcceptsButNoFileSystemCanHold_exits3AtTheNameAndCreatesNothing() throws IOException {
        // 253 characters is a valid DNS subdomain, so Kubernetes accepts it; globalnetworkset-<name>.yaml is 275 bytes,
        // over the 255 bytes a file name may have on ext4, XFS, btrfs, APFS and NTFS. 233 characters fit exactly.
        String longest = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
        String fits = "e".repeat(233);
        Path fleet = Files.createDirectories(tmp.resolve("fleet"));
        Files.writeString(fleet.resolve("c1.yaml"), "name: c1\nprovider: EKS\ncni: aws-vpc\npacks: [tiers, mine]\n");
        Path pack = Files.createDirectories(tmp.resolve("packs/mine"));
        Files.writeString(pack.resolve("long.yaml.mustache"), """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkSet
                metadata:
                  name: %s
                spec:
                  nets: [10.0.0.0/8]
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkSet
                metadata:
                  name: %s
                spec:
                  nets: [10.0.0.0/8]
                """.formatted(longest, fits));
        Path repo = tmp.resolve("work/repo");

        CliRun run = CliRun.of("render", "--fleet", fleet.toString(), "--repo", repo.toString(),
                "--templates", tmp.resolve("packs").toString());

        assertEquals(3, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("long.yaml.mustache:4:9: error: [c1] metadata.name: the file name "
                + "globalnetworkset-" + longest + ".yaml would be 275 bytes, over the 255 bytes a file name may have"),
                run.transcript());
        assertEquals(1, run.err().lines().filter(l -> l.contains(": error: ")).count(), "the 233-character name fits:\n"
                + run.transcript());
        assertFalse(Files.exists(tmp.resolve("work")), "nothing was written, not even git init:\n" + files(tmp));

        // The name that fits exactly (255 bytes) is written: its temporary file must fit too.
        Files.writeString(pack.resolve("long.yaml.mustache"), """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkSet
                metadata:
                  name: %s
                spec:
                  nets: [10.0.0.0/8]
                """.formatted(fits));
        CliRun ok = CliRun.of("render", "--fleet", fleet.toString(), "--repo", repo.toString(),
                "--templates", tmp.resolve("packs").toString());
        assertEquals(0, ok.exitCode(), ok.transcript());
        assertTrue(Files.isRegularFile(repo.resolve("clusters/c1/calico/globalnetworkset-" + fits + ".yaml")), files(tmp).toString());
    }

    @Test
    void render_templateWithAKindNoCrdDefines_exits3NamingTheKind() throws IOException {
        Path fleet = Files.createDirectories(tmp.resolve("fleet"));
        Files.writeString(fleet.resolve("c1.yaml"), "name: c1\nprovider: EKS\ncni: aws-vpc\npacks: [tiers, mine]\n");
        Path pack = Files.createDirectories(tmp.resolve("packs/mine"));
        Files.writeString(pack.resolve("typo.yaml.mustache"), """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicies
                metadata:
                  name: security.typo
                spec:
                  tier: security
                  selector: all()
                """);

        CliRun run = CliRun.of("render", "--fleet", fleet.toString(), "--repo", tmp.resolve("repo").toString(),
                "--templates", tmp.resolve("packs").toString());

        assertEquals(3, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("typo.yaml.mustache:2:7: error: [c1] unknown kind 'GlobalNetworkPolicies'"), run.transcript());
        assertFalse(Files.exists(tmp.resolve("repo")));
    }

    @Test
    void audit_kindTheToolDoesNotKnowInTheClusterFolder_isComparedLikeAnyOtherObject() throws Exception {
        Path repo = tmp.resolve("gitops");
        assertEquals(0, CliRun.of("render", "--fleet", sampleFleet(), "--repo", repo.toString(), "--cluster", "eks-dev").exitCode());
        String widget = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\n  namespace: shop\nspec:\n  size: 3\n";
        Files.writeString(repo.resolve("clusters/eks-dev/calico/widget.yaml"), widget);
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(repo.toFile())) {
            git.add().addFilepattern("clusters/eks-dev/calico/widget.yaml").call();
            git.commit().setMessage("a user adds a Widget").setSign(false).call();
        }
        Path live = Files.writeString(tmp.resolve("widget-live.yaml"), widget.replace("size: 3", "size: 4"));

        CliRun run = CliRun.of("audit", "--repo", repo.toString(), "--cluster", "eks-dev",
                "--live", sampleRepo().resolve("live/eks-dev.yaml").toString(), "--live", live.toString());

        assertEquals(1, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("DRIFT: 1 warning\n"), run.transcript());
        assertTrue(run.out().contains("modified   Widget  shop/w1"), run.transcript());
        assertTrue(run.out().contains("- size: 3 -> 4\n"), run.transcript());
    }
}
