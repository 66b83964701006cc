#!/usr/bin/env python3
"""calico-gitops benchmarks: each one builds its data from a seed, runs the tool and a baseline in the same run,
and prints medians of several runs, the ratio and the peak RSS. Run through bench/run (see bench/README.md)."""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import datagen  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "cli", "target", "calico-gitops.jar")

SIZES = {
    "full": {"clusters": 500, "policies": 10000, "commits": 10000, "heap_objects": 100000, "rerender_clusters": 2000},
    "quick": {"clusters": 50, "policies": 1000, "commits": 1000, "heap_objects": 10000, "rerender_clusters": 100},
}
TOOL_ONLY = False
HEAPS_MB = [64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048, 3072, 4096]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def java_opts():
    # The launcher's default: C1 only, as for every short command-line run.
    return os.environ.get("CALICO_GITOPS_JAVA_OPTS", "-XX:TieredStopAtLevel=1").split()


def cds_opts(args):
    """The class-data-sharing archive beside the jar, as ./calico-gitops passes it (see that launcher): only when it is
    newer than the jar and the run is not for help or version. A jar given with --jar and no archive beside it runs
    without one, as it would from the launcher."""
    jsa = JAR[:-len(".jar")] + ".jsa"
    if not args or args[-1] in ("-h", "--help", "-V", "--version") or not os.path.exists(jsa) \
            or os.path.getmtime(jsa) <= os.path.getmtime(JAR):
        return []
    return ["-XX:SharedArchiveFile=" + jsa, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"]


def tool(*args, heap=None):
    return ["java"] + cds_opts(args) + java_opts() + ([] if heap is None else ["-Xmx%dm" % heap]) + ["-jar", JAR] \
        + list(args)


class Run:
    """One measurement: wall seconds, CPU seconds (user + system), peak RSS in KiB, exit code, stderr's tail."""

    def __init__(self, seconds, rss_kb, rc, cpu=0.0, stderr="", user=0.0):
        self.seconds, self.rss_kb, self.rc, self.cpu, self.stderr, self.user = seconds, rss_kb, rc, cpu, stderr, user


def run_once(cmd, cwd=None, stdout=subprocess.DEVNULL):
    """Runs cmd; wall time measured here, CPU time and peak RSS (ru_maxrss) from the kernel's rusage of the child,
    the figures GNU time prints. CPU time is the steadier figure on a machine shared with other work."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=stdout, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = err.read().decode("utf-8", "replace")[-2000:]
    return Run(seconds, usage.ru_maxrss, proc.returncode, usage.ru_utime + usage.ru_stime, tail, usage.ru_utime)


def check(run, ok, what):
    if run.rc not in ok:
        raise SystemExit("bench: %s exited %d (expected %s)\n%s" % (what, run.rc, "/".join(map(str, ok)), run.stderr))
    return run


def median_of(runs, prepare, measure):
    """Runs prepare() then measure() `runs` times; the medians of seconds and peak RSS."""
    results = []
    for i in range(runs):
        prepare()
        results.append(measure())
        log("    run %d/%d: %.2f s wall, %.2f s CPU (%.2f user)"
            % (i + 1, runs, results[-1].seconds, results[-1].cpu, results[-1].user))
    return Run(statistics.median(r.seconds for r in results), statistics.median(r.rss_kb for r in results), 0,
               statistics.median(r.cpu for r in results), user=statistics.median(r.user for r in results))


def many(cmds, cwd=None):
    """Runs independent processes on every core; the wall time of all and the largest peak RSS of any."""
    start = time.perf_counter()
    with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        runs = list(pool.map(lambda c: run_once(c, cwd=cwd), cmds))
    for r, c in zip(runs, cmds):
        check(r, (0,), " ".join(c))
    return Run(time.perf_counter() - start, max(r.rss_kb for r in runs), 0, sum(r.cpu for r in runs),
               user=sum(r.user for r in runs))


def noop():
    pass


class Fresh:
    """A new folder for every run: base-1, base-2, ... Nothing is deleted while benchmarks run, because on this kind of
    machine (ext4 on a VM's virtual disk) creating files for tens of seconds after a large delete costs several times
    the system time it costs otherwise (25,000 files: cp -r took 1 s of CPU, then 6 and 12 s in the same folder after
    each rm -rf), which made the first of three render runs look 2-3x faster than the others. Folders are removed
    when every benchmark is done (see main)."""

    def __init__(self, base):
        self.base, self.n = base, 0

    def next(self):
        self.n += 1
        return self.path()

    def path(self):
        return "%s-%d" % (self.base, self.n)


class Table:
    def __init__(self):
        self.rows = []

    def add(self, bench, what, t, baseline, b):
        def ratio(x, y):
            return "%.2f" % (x / y) if b is not None and y > 0 else "-"
        self.rows.append([bench, what, "%.2f" % t.seconds, "%.2f" % t.cpu, "%.2f" % t.user, mb(t.rss_kb), baseline,
                          "%.2f" % b.seconds if b else "-", "%.2f" % b.cpu if b else "-",
                          "%.2f" % b.user if b else "-", mb(b.rss_kb) if b else "-",
                          ratio(t.seconds, b.seconds if b else 0), ratio(t.cpu, b.cpu if b else 0),
                          ratio(t.user, b.user if b else 0)])

    def note(self, bench, text):
        self.rows.append([bench, text] + ["-"] * 12)

    def markdown(self):
        # User CPU is reported apart: on a virtual machine the system time of writing files also carries the host's
        # work for the virtual disk, which varied 5-10x between identical runs here; user time did not.
        head = ["benchmark", "tool run", "wall s", "CPU s", "user s", "peak RSS MB", "baseline", "wall s", "CPU s",
                "user s", "peak RSS MB", "ratio wall", "ratio CPU", "ratio user"]
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(r) + " |" for r in self.rows]
        return "\n".join(lines)


def mb(kb):
    return "-" if kb is None else "%.0f" % (kb / 1024)


def bench_render(work, size, runs, seed, table):
    n = size["clusters"]
    log("render: generating a %d-cluster fleet (seed %d)" % (n, seed))
    fleet = os.path.join(work, "fleet")
    names = datagen.fleet(os.path.join(ROOT, "sample-repo"), fleet, n, seed)
    repos = Fresh(os.path.join(work, "repo"))
    log("  calico-gitops render")
    t = median_of(runs, repos.next,
                  lambda: check(run_once(tool("render", "--fleet", fleet, "--repo", repos.path(), "--message",
                                              "bench")), (0,), "render"))
    repo = repos.path()
    what = "render %d clusters" % n
    if TOOL_ONLY:
        table.add("render", what, t, "-", None)
        return
    folders = [os.path.join(repo, "clusters", c, "calico") for c in names]
    log("  kubectl kustomize over %d folders" % len(folders))
    k = median_of(runs, noop, lambda: many([["kubectl", "kustomize", f] for f in folders]))
    copies = Fresh(os.path.join(work, "copy"))
    log("  floor: cp -r of the rendered tree")
    w = median_of(runs, copies.next,
                  lambda: check(run_once(["cp", "-r", os.path.join(repo, "clusters"), copies.path()]), (0,), "cp"))
    table.add("render", what, t, "kubectl kustomize x %d (%d in parallel)" % (n, os.cpu_count() or 1), k)
    table.add("render", what, t, "floor: cp -r of the same files", w)


def bench_audit(work, size, runs, seed, table, classes):
    n = size["policies"]
    log("audit: generating one cluster with %d policies and 5%% drift (seed %d)" % (n, seed))
    repo, lives, drift = datagen.large_cluster(work, "big", n, 5, seed)
    live = [a for f in lives for a in ("--live", f)]
    log("  drift planted: %s" % drift)
    log("  calico-gitops audit")
    t = median_of(runs, noop, lambda: check(run_once(
        tool("audit", "--repo", repo, "--cluster", "big", *live, "-o", "json")), (1,), "audit"))
    what = "audit %d policies, 5%% drift, JSON live" % n
    if TOOL_ONLY:
        table.add("audit", what, t, "-", None)
        return
    log("  floor: parse both sides")
    f = median_of(runs, noop, lambda: check(run_once(
        ["java"] + java_opts() + ["-cp", classes + os.pathsep + JAR, "ParseFloor",
                                  os.path.join(repo, "clusters", "big")] + lives), (0,), "ParseFloor"))
    table.add("audit", what, t, "floor: parse both sides (Jackson)", f)


def bench_history(work, size, runs, seed, table):
    n = size["commits"]
    log("history: generating a %d-commit repository (seed %d)" % (n, seed))
    repo, cluster = datagen.long_history(work, n, 10, 50, 0.25, seed)
    cmd = tool("history", "--repo", repo, "--cluster", cluster, "-o", "json")
    cache = os.path.join(repo, ".git", "calico-gitops")
    outputs = {}

    def measure(name):
        path = os.path.join(work, "history-%s.json" % name)
        with open(path, "wb") as out:
            r = check(run_once(cmd, stdout=out), (0,), "history")
        with open(path, "rb") as f:
            outputs.setdefault(name, set()).add(f.read())
        return r

    # The first query of a repository (nothing in .git/calico-gitops), then the same query again, which reads the
    # analysis cache the run before left; both must print the same bytes.
    log("  calico-gitops history, first query (cache deleted before each run)")
    first = median_of(runs, lambda: shutil.rmtree(cache, ignore_errors=True), lambda: measure("first"))
    log("  calico-gitops history, repeated query")
    again = median_of(runs, noop, lambda: measure("again"))
    if len(outputs["first"] | outputs["again"]) != 1:
        raise SystemExit("bench: history printed different reports with and without its cache")
    what = "history of 1 of 10 clusters, %d commits" % n
    if TOOL_ONLY:
        table.add("history", what + ", first query", first, "-", None)
        table.add("history", what + ", repeated query", again, "-", None)
        return
    log("  git log --name-status")
    g = median_of(runs, noop, lambda: check(run_once(
        ["git", "-C", repo, "log", "--name-status", "--", "clusters/" + cluster]), (0,), "git log"))
    baseline = "git log --name-status -- clusters/%s" % cluster
    table.add("history", what + ", first query", first, baseline, g)
    table.add("history", what + ", repeated query", again, baseline, g)


def bench_rerender(work, size, runs, seed, table):
    """A render that changes nothing (the fleet rendered again into its own repository) against the first render of
    the same fleet into a new repository: the re-render should cost no more than the first, since it writes nothing."""
    n = size["rerender_clusters"]
    log("rerender: generating a %d-cluster fleet (seed %d)" % (n, seed))
    fleet = os.path.join(work, "fleet")
    datagen.fleet(os.path.join(ROOT, "sample-repo"), fleet, n, seed)
    repos = Fresh(os.path.join(work, "repo"))

    def render():
        return tool("render", "--fleet", fleet, "--repo", repos.path(), "--message", "bench")
    log("  first render into a new repository")
    first = median_of(runs, repos.next, lambda: check(run_once(render()), (0,), "render"))
    log("  render again: nothing changes")
    again = median_of(runs, noop, lambda: check(run_once(render()), (0,), "re-render"))
    table.add("rerender", "render %d clusters again, nothing changes" % n, again,
              "first render of the same fleet (new repository)", first)


def bench_startup(work, runs, table):
    """Whole-process start-up: help, which needs no command model, and two short commands on the sample, against
    the JVM's own floor (java -version). Short runs vary more, so each takes the median of at least 10."""
    runs = max(runs, 10)
    log("startup: java -version, calico-gitops --help, validate and reach on the sample")
    floor = median_of(runs, noop, lambda: check(run_once(["java"] + java_opts() + ["-version"]), (0,), "java"))
    repo = os.path.join(work, "repo")
    fleet = os.path.join(ROOT, "sample-repo", "fleet")
    shutil.rmtree(repo, ignore_errors=True)
    check(run_once(tool("render", "--fleet", fleet, "--repo", repo, "--message", "bench")), (0,), "render")
    for what, args, ok in [
            ("--help", ["--help"], (0,)),
            ("reach --help", ["reach", "--help"], (0,)),
            ("validate of one cluster (eks-dev)", ["validate", "--fleet", fleet, "--cluster", "eks-dev"], (0,)),
            ("reach on eks-dev", ["reach", "--repo", repo, "--cluster", "eks-dev", "--fleet", fleet,
                                  "--from", "default/currencyservice", "--to", "default/frontend", "--port", "8080"],
             (0,))]:
        t = median_of(runs, noop, lambda: check(run_once(tool(*args)), ok, what))
        table.add("startup", what, t, "java -version", None if TOOL_ONLY else floor)


def bench_evaluator(runs, quick, table, extra_lines):
    script = os.path.join(ROOT, "bench", "evaluator", "run.sh")
    if not os.path.exists(script):
        log("evaluator: not available")
        table.note("evaluator", "not available (bench/evaluator/run.sh is missing)")
        return
    log("evaluator: bench/evaluator/run.sh")
    env = dict(os.environ, RUNS=str(runs))
    if quick:
        env.update(WORKLOADS="200", POLICIES="200", SLICE="10")
    out = subprocess.run(["bash", script], env=env, stdout=subprocess.PIPE, text=True)
    extra_lines.append("evaluator (bench/evaluator/run.sh, exit %d):" % out.returncode)
    extra_lines.extend("    " + line for line in out.stdout.rstrip().splitlines())
    table.note("evaluator", "see bench/evaluator/run.sh output below")


def bench_heap(work, size, seed, table, extra_lines):
    n = size["heap_objects"]
    log("memory: generating an audit of %d objects (seed %d)" % (n, seed))
    repo, lives, _ = datagen.large_cluster(work, "big", n - 1, 5, seed)
    args = ["audit", "--repo", repo, "--cluster", "big"] + [a for f in lives for a in ("--live", f)] + ["-o", "json"]

    report = os.path.join(work, "report.json")

    def ok(heap):
        # Success is a complete report, not just an exit code: an error thrown out of main also exits 1.
        with open(report, "w") as out:
            r = run_once(tool(*args, heap=heap), stdout=out)
        try:
            with open(report) as f:
                complete = r.rc in (0, 1) and "summary" in json.load(f)
        except ValueError:
            complete = False
        log("  -Xmx%dm: %s (%.1f s)" % (heap, "ok" if complete else "failed, exit %d" % r.rc, r.seconds))
        ok.last_error = r.stderr.strip().splitlines()[:2]
        return r if complete else None

    # Bisection over HEAPS_MB: the smallest heap with which the audit finishes.
    lo, hi = -1, len(HEAPS_MB) - 1
    best = ok(HEAPS_MB[hi])
    if best is None:
        table.note("memory", "audit of %d objects failed even with -Xmx%dm: %s" % (n, HEAPS_MB[hi], " ".join(ok.last_error)))
        return
    while hi - lo > 1:
        mid = (lo + hi) // 2
        r = ok(HEAPS_MB[mid])
        if r is not None:
            hi, best = mid, r
        else:
            lo = mid
    table.add("memory", "audit %d objects with -Xmx%dm (smallest that works)" % (n, HEAPS_MB[hi]), best,
              "-", None)
    extra_lines.append("memory: audit of %d objects needs -Xmx%dm (%s fails); peak RSS %s MB at that heap"
                       % (n, HEAPS_MB[hi], "-Xmx%dm" % HEAPS_MB[lo] if lo >= 0 else "nothing smaller tried",
                          mb(best.rss_kb)))


def machine():
    model = "?"
    try:
        with open("/proc/cpuinfo") as f:
            model = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            mem = "%.1f GiB" % (int(next(l.split()[1] for l in f if l.startswith("MemTotal"))) / 1024 / 1024)
    except (OSError, StopIteration):
        pass
    jvm = subprocess.run(["java", "-version"], stderr=subprocess.PIPE, text=True).stderr.splitlines()[0]
    kubectl = subprocess.run(["kubectl", "version", "--client"], stdout=subprocess.PIPE, text=True,
                             stderr=subprocess.DEVNULL).stdout.splitlines()
    gitv = subprocess.run(["git", "--version"], stdout=subprocess.PIPE, text=True).stdout.strip()
    return ["%d cores (%s), %s RAM, %s" % (os.cpu_count() or 0, model, mem, platform.platform()),
            "%s; java options: %s" % (jvm, " ".join(java_opts()) or "(none)"),
            "%s; %s" % (kubectl[0] if kubectl else "kubectl ?", gitv)]


def main():
    p = argparse.ArgumentParser(prog="bench/run", description=__doc__)
    p.add_argument("--quick", action="store_true", help="small sizes (a smoke run of every benchmark)")
    p.add_argument("--runs", type=int, default=3, help="runs per measurement; medians are reported (3)")
    p.add_argument("--seed", type=int, default=20261122, help="seed of the synthetic data")
    p.add_argument("--work", default=os.path.join(ROOT, "target", "bench"), help="scratch folder (target/bench)")
    p.add_argument("--only", action="append", choices=["render", "rerender", "audit", "history", "startup",
                                                        "evaluator", "memory"],
                   help="run only this benchmark (repeatable)")
    p.add_argument("--tool-only", action="store_true", help="skip the baselines (to compare builds with --jar)")
    p.add_argument("--jar", help="measure this calico-gitops jar instead of the built one (to compare builds)")
    a = p.parse_args()
    global JAR, TOOL_ONLY
    TOOL_ONLY = a.tool_only
    if a.jar:
        JAR = os.path.abspath(a.jar)
    size = SIZES["quick" if a.quick else "full"]
    only = set(a.only or ["render", "rerender", "audit", "history", "startup", "evaluator", "memory"])
    # The previous run's scratch is moved aside and deleted after the benchmarks (see Fresh: a large delete slows the
    # file creation that follows it).
    if os.path.exists(a.work):
        os.rename(a.work, "%s.old-%d" % (a.work, os.getpid()))
    os.makedirs(a.work)
    classes = os.path.join(a.work, "floor-classes")
    subprocess.run(["javac", "-d", classes, "-cp", JAR, os.path.join(ROOT, "bench", "floor", "ParseFloor.java")],
                   check=True)
    table, extra = Table(), []
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load_before = os.getloadavg()[0]
    if "render" in only:
        bench_render(os.path.join(a.work, "render"), size, a.runs, a.seed, table)
    if "rerender" in only:
        bench_rerender(os.path.join(a.work, "rerender"), size, a.runs, a.seed, table)
    if "audit" in only:
        bench_audit(os.path.join(a.work, "audit"), size, a.runs, a.seed, table, classes)
    if "history" in only:
        bench_history(os.path.join(a.work, "history"), size, a.runs, a.seed, table)
    if "startup" in only:
        bench_startup(os.path.join(a.work, "startup"), a.runs, table)
    if "evaluator" in only:
        bench_evaluator(a.runs, a.quick, table, extra)
    if "memory" in only:
        bench_heap(os.path.join(a.work, "memory"), size, a.seed, table, extra)
    print("calico-gitops benchmarks, %s, %s sizes, median of %d runs, seed %d%s"
          % (started, "quick" if a.quick else "full", a.runs, a.seed, "" if not a.jar else ", jar " + a.jar))
    for line in machine():
        print("  " + line)
    print("  load average (1 min) at start %.1f, at end %.1f: other work on the machine inflates wall times"
          % (load_before, os.getloadavg()[0]))
    print()
    print(table.markdown())
    if extra:
        print()
        print("\n".join(extra))
    parent, name = os.path.split(os.path.abspath(a.work))
    for old in sorted(os.listdir(parent)):
        if old.startswith(name + ".old-"):
            shutil.rmtree(os.path.join(parent, old), ignore_errors=True)


if __name__ == "__main__":
    main()
