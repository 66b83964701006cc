package io.calicogitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.calicogitops.cli.CliRun.projectRoot;
import static io.calicogitops.cli.CliRun.sampleFleet;
import static io.calicogitops.cli.CliRun.sampleRepo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The scheduled audit's entry point ({@code docker/audit-entrypoint.sh}) against a real Git remote: it clones with the
 * Secret's token handed over in the environment (never on a command line or in the clone's config), keeps a local
 * copy of the drift-log branch, and runs the audit with the options the CronJob relies on. The launcher is a stub
 * that records what it was given. Needs sh and git on the PATH.
 */
class AuditEntrypointIT {

    private static final String TOKEN = "ghp_entrypointTestToken0123456789";

    @TempDir
    Path tmp;

    private static boolean onPath(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int run(Path dir, Map<String, String> env, Path out, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), String.join(" ", command));
        return p.exitValue();
    }

    /** The environment and files of one entry point run against a real bare remote of the rendered sample. */
    private record Setup(Map<String, String> env, Path seen, Path work, Path hook) {
    }

    @Test
    void entrypoint_clonesKeepsTheLogBranchAndRunsTheRecordedPushedAudit() throws Exception {
        Setup setup = setup();
        Map<String, String> env = setup.env();
        Path seen = setup.seen();
        Path work = setup.work();
        Path hook = setup.hook();
        Path out = tmp.resolve("entrypoint.log");

        int exit = run(tmp, env, out, "sh", projectRoot().resolve("docker/audit-entrypoint.sh").toString());

        assertEquals(1, exit, "the audit's exit code is the Job's: " + Files.readString(out));
        List<String> args = Files.readAllLines(seen.resolve("args"));
        assertEquals(List.of("audit", "--repo", work.resolve("repo").toString(), "--cluster", "eks-dev", "--ref", "main",
                "--in-cluster", "--record", "--push", "--notify-webhook-file", hook.toString(),
                "--sign-key", "/etc/calico-gitops/sign-key/sign-key.pem"), args);
        assertEquals(TOKEN, Files.readString(seen.resolve("token")), "the push credentials come from the environment");
        String branches = Files.readString(seen.resolve("branches"));
        assertTrue(branches.contains("calico-gitops/audit-log") && branches.contains("main"), branches);
        assertTrue(Files.isRegularFile(work.resolve("repo/clusters/eks-dev/calico/kustomization.yaml")));
        List<String> everything = new ArrayList<>(args);
        everything.add(Files.readString(seen.resolve("config")));
        everything.add(Files.readString(out));
        assertFalse(everything.stream().anyMatch(s -> s.contains(TOKEN)), "the token is in no argument, config or output");
    }

    @Test
    void entrypoint_watchForm_addsWatchIntervalAndMetricsPort() throws Exception {
        Setup setup = setup();
        Map<String, String> env = new java.util.HashMap<>(setup.env());
        // 1s: the branch refresher the watch form starts ends within a second of the (stub) audit.
        env.put("CALICO_GITOPS_WATCH_INTERVAL", "1s");
        env.put("CALICO_GITOPS_METRICS_PORT", "9400");
        Path out = tmp.resolve("entrypoint.log");

        int exit = run(tmp, env, out, "sh", projectRoot().resolve("docker/audit-entrypoint.sh").toString());

        assertEquals(1, exit, Files.readString(out));
        List<String> args = Files.readAllLines(setup.seen().resolve("args"));
        assertEquals(List.of("--watch", "--interval", "1s", "--metrics-port", "9400"), args.subList(args.size() - 5, args.size()),
                args.toString());
        assertTrue(args.containsAll(List.of("--record", "--push", "--in-cluster")), args.toString());
    }

    @Test
    void entrypoint_watchForm_keepsTheAuditedBranchAtTheRemotesTip() throws Exception {
        Setup setup = setup();
        Path pusher = tmp.resolve("pusher");
        Path log = tmp.resolve("pusher.log");
        assertEquals(0, run(tmp, Map.of(), log, "git", "clone", "--quiet", setup.env().get("CALICO_GITOPS_REPO_URL"),
                pusher.toString()), Files.readString(log));
        // The stub stands for the running watch: it pushes a new desired commit, then waits (bounded: a hang guard,
        // 120 polls) until the entry point's refresh has moved the local branch the audit reads.
        Path stub = tmp.resolve("calico-gitops-stub");
        Files.writeString(stub, """
                #!/bin/sh
                before=$(git -C "$3" rev-parse main)
                git -C "$PUSHER" -c user.name=t -c user.email=t@example.invalid commit --quiet --allow-empty -m next
                git -C "$PUSHER" push --quiet origin HEAD:main
                git -C "$PUSHER" rev-parse HEAD > "$SEEN/pushed"
                i=0
                while [ $i -lt 120 ]; do
                  now=$(git -C "$3" rev-parse main)
                  if [ "$now" != "$before" ]; then echo "$now" > "$SEEN/moved"; exit 0; fi
                  sleep 1
                  i=$((i + 1))
                done
                exit 3
                """);
        Map<String, String> env = new java.util.HashMap<>(setup.env());
        env.put("CALICO_GITOPS_WATCH_INTERVAL", "1s");
        env.put("PUSHER", pusher.toString());
        Path out = tmp.resolve("entrypoint.log");

        int exit = run(tmp, env, out, "sh", projectRoot().resolve("docker/audit-entrypoint.sh").toString());

        assertEquals(0, exit, "the local branch never moved: " + Files.readString(out));
        assertEquals(Files.readString(setup.seen().resolve("pushed")), Files.readString(setup.seen().resolve("moved")));
    }

    private Setup setup() throws Exception {
        assumeTrue(onPath("git", "--version") && onPath("sh", "-c", "true"), "git and sh are needed");
        Path source = tmp.resolve("source");
        assertEquals(0, CliRun.of("render", "--fleet", sampleFleet(), "--repo", source.toString(), "--cluster", "eks-dev").exitCode());
        CliRun recorded = CliRun.of("audit", "--repo", source.toString(), "--cluster", "eks-dev", "--live",
                sampleRepo().resolve("live/eks-dev.yaml").toString(), "--record");
        assertEquals(0, recorded.exitCode(), recorded.transcript());
        Path log = tmp.resolve("git.log");
        Path remote = tmp.resolve("fleet.git");
        assertEquals(0, run(tmp, Map.of(), log, "git", "clone", "--quiet", "--bare", source.toString(), remote.toString()),
                Files.readString(log));

        Path creds = Files.createDirectories(tmp.resolve("creds"));
        Files.writeString(creds.resolve("token"), TOKEN + "\n");
        Path hook = Files.writeString(tmp.resolve("webhook-url"), "https://hooks.example/secret\n");
        Path seen = tmp.resolve("seen");
        Path stub = tmp.resolve("calico-gitops-stub");
        Files.writeString(stub, """
                #!/bin/sh
                printf '%s\\n' "$@" > "$SEEN/args"
                printf '%s' "$CALICO_GITOPS_GIT_TOKEN" > "$SEEN/token"
                git -C "$3" branch --list > "$SEEN/branches"
                cat "$3/.git/config" > "$SEEN/config"
                exit 1
                """);
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(seen);
        Path work = Files.createDirectories(tmp.resolve("work"));
        Map<String, String> env = Map.of(
                "CALICO_GITOPS_CLUSTER", "eks-dev",
                "CALICO_GITOPS_REPO_URL", remote.toUri().toString(),
                "CALICO_GITOPS_REF", "main",
                "CALICO_GITOPS_GIT_CREDENTIALS", creds.toString(),
                "CALICO_GITOPS_NOTIFY_WEBHOOK_FILE", hook.toString(),
                "CALICO_GITOPS_SIGN_KEY_FILE", "/etc/calico-gitops/sign-key/sign-key.pem",
                "CALICO_GITOPS_WORK", work.toString(),
                "CALICO_GITOPS_BIN", stub.toString(),
                "SEEN", seen.toString());
        return new Setup(env, seen, work, hook);
    }
}
