#!/usr/bin/env bash
# Times `calico-gitops flows replay` on RECORDS synthetic flow-log records (records.py) against the evaluator
# benchmark's repository (1,000 workloads x 1,000 policies, bench/evaluator/generate.py, seed 42), with the heap capped
# at HEAP (512m: the replay streams), against the floor of only parsing the same records with Jackson
# (FlowParseFloor.java) under the same JVM options. Each timing is the median of RUNS runs of the whole command, JVM
# start included in both.
# The replay runs twice: `java -jar` with the JVM's default compilers, and through the launcher as users run it;
# both must write the same report.
#
# The records have the sample data's shape (SHAPE=sample, the default: every Felix field and each record's policy
# trace, see records.py); SHAPE=lean gives the shorter, trace-less records measured before 2026-12-07.
# Output: lines "name value unit", then a summary. Environment: RUNS (3), RECORDS (1000000), HEAP (512m), SHAPE,
# BENCH_DIR (target/bench-evaluator, shared with the evaluator benchmark), JAR (cli/target/calico-gitops.jar; another
# build to compare before and after).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUNS="${RUNS:-3}"
RECORDS="${RECORDS:-1000000}"
HEAP="${HEAP:-512m}"
DIR="${BENCH_DIR:-$ROOT/target/bench-evaluator}"
DATA="$DIR/data-w1000-p1000"
JAR="${JAR:-$ROOT/cli/target/calico-gitops.jar}"
SHAPE="${SHAPE:-sample}"
case "$SHAPE" in sample) FLOWS="$DIR/flows-sample-$RECORDS.jsonl" ;; lean) FLOWS="$DIR/flows-$RECORDS.jsonl" ;;
  *) echo "SHAPE is sample or lean" >&2; exit 2 ;; esac
[ -f "$JAR" ] || { echo "build the jar first (mvn -B -q package -DskipTests)" >&2; exit 2; }
mkdir -p "$DIR"
if [ ! -d "$DATA/.git" ]; then
  rm -rf "$DATA"
  python3 "$ROOT/bench/evaluator/generate.py" "$DATA" --workloads 1000 --policies 1000 --seed 42 >&2
fi
if [ ! -f "$DIR/matrix-compiled.csv" ]; then
  java -jar "$JAR" matrix --repo "$DATA" --cluster bench --workloads "$DATA/workloads" -o csv \
    --output-file "$DIR/matrix-compiled.csv" --engine compiled >&2
fi
if [ ! -f "$FLOWS" ] && [ "$SHAPE" = lean ]; then
  python3 "$HERE/records.py" "$DIR/matrix-compiled.csv" "$FLOWS" --records "$RECORDS" --shape lean
elif [ ! -f "$FLOWS" ]; then
  # The sample shape carries each record's policy trace: Git's own, learnt by replaying one probe record per distinct
  # flow and reporter (a trace naming a policy Git does not have, so that the replay lists the trace it computes), in
  # chunks of 150,000 so that the list of disagreements fits in the heap.
  probe="$DIR/probe-$RECORDS"
  rm -rf "$probe" && mkdir -p "$probe"
  python3 "$HERE/records.py" "$DIR/matrix-compiled.csv" "$probe/all.jsonl" --records "$RECORDS" --probe "$probe/keys"
  split -l 150000 -d -a 3 "$probe/all.jsonl" "$probe/chunk-"
  for chunk in "$probe"/chunk-*; do
    java -Xmx3g -jar "$JAR" flows replay --repo "$DATA" --cluster bench --workloads "$DATA/workloads" \
      --flow-logs "$chunk" -o json --output-file "$chunk.json" >/dev/null 2>&1 || [ $? = 1 ] || { echo "probe replay failed" >&2; exit 1; }
  done
  python3 - "$probe" <<'PY'
import glob, json, sys
probe = sys.argv[1]
keys = open(probe + "/keys").read().split("\n")
with open(probe + "/traces", "w") as out:
    n = 0
    for i, report in enumerate(sorted(glob.glob(probe + "/chunk-*.json"))):
        d = json.load(open(report))
        if d["disagreed"] != d["records"] or set(d["byCategory"]) != {"policy-not-in-git"}:
            sys.exit("probe %s: every record must disagree for its probe policy alone: %s" % (report, d["byCategory"]))
        for x in d["disagreements"]:
            line = int(x["source"].rsplit(":", 1)[1])
            out.write("%s\t%s\n" % (keys[i * 150000 + line - 1], x["computed"]))
            n += 1
if n != len(keys) - 1:
    sys.exit("probe: %d traces for %d flows" % (n, len(keys) - 1))
PY
  python3 "$HERE/records.py" "$DIR/matrix-compiled.csv" "$FLOWS" --records "$RECORDS" --traces "$probe/traces"
  rm -rf "$probe"
fi
mkdir -p "$DIR/floor-classes"
javac -d "$DIR/floor-classes" -cp "$JAR" "$HERE/FlowParseFloor.java"

# Each replay is compared with the floor run under the same JVM options: the same heap cap (a smaller heap alone makes
# the floor about 8 % cheaper: fewer fresh pages touched), and for the launcher the collector it picks (the throughput
# collector from 256 MiB of flow logs, which makes the floor about 15 % cheaper still).
# The runs are interleaved, round by round (floor, floor with the launcher's options, replay, launcher replay), so that
# the load of a shared machine falls on all of them alike; besides the medians, each round's ratios are printed and
# their median is the result.
floor=(java "-Xmx$HEAP" -cp "$DIR/floor-classes:$JAR" FlowParseFloor "$FLOWS")
if [ "$(wc -c < "$FLOWS")" -ge $((256 * 1024 * 1024)) ]; then
  floor_launcher=(java -XX:+UseParallelGC "${floor[@]:1}")
else
  floor_launcher=("${floor[@]}")
fi
replay=(flows replay --repo "$DATA" --cluster bench --workloads "$DATA/workloads" --flow-logs "$FLOWS" -o json)
# The same replay as users run it: through the kubectl-calico_gitops launcher (its JIT choice: the full JIT from
# 256 MiB of flow logs, C1 alone below; the class-data-sharing archive beside the jar when it is there and newer),
# with the same heap cap through JAVA_TOOL_OPTIONS (CALICO_GITOPS_JAVA_OPTS would replace the launcher's choice).
# The four commands follow as arguments, each ended by ";;".
python3 - "$RUNS" "$HEAP" "$DIR" "$JAR" "${floor[@]}" ";;" "${floor_launcher[@]}" ";;" \
  java "-Xmx$HEAP" -jar "$JAR" "${replay[@]}" --output-file "$DIR/replay.json" ";;" \
  "$ROOT/kubectl-calico_gitops" "${replay[@]}" --output-file "$DIR/replay-launcher.json" ";;" <<'PY'
import json, os, statistics, subprocess, sys, time
runs, heap, out_dir, jar = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
names = ["floor", "floor_launcher_options", "replay", "replay_launcher"]
cmds, cmd = [], []
for a in sys.argv[5:]:
    if a == ";;":
        cmds.append(cmd)
        cmd = []
    else:
        cmd.append(a)
env_launcher = dict(os.environ, CALICO_GITOPS_JAR=jar, JAVA_TOOL_OPTIONS="-Xmx" + heap)
same_floor = cmds[0] == cmds[1]
res = {n: [] for n in names}
for _ in range(runs):
    for n, cmd in zip(names, cmds):
        if n == "floor_launcher_options" and same_floor:
            res[n].append(res["floor"][-1])
            continue
        t = time.monotonic()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             env=env_launcher if n == "replay_launcher" else None)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.monotonic() - t
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit("command failed: %s" % " ".join(cmd))
        res[n].append((wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss // 1024))
if open(out_dir + "/replay.json", "rb").read() != open(out_dir + "/replay-launcher.json", "rb").read():
    sys.exit("the two replays' reports differ")
for n in names:
    print("%s_wall %.2f s" % (n, statistics.median(r[0] for r in res[n])))
    print("%s_cpu %.2f s" % (n, statistics.median(r[1] for r in res[n])))
    print("%s_rss %d MB" % (n, max(r[2] for r in res[n])))
ratio = [r[1] / f[1] for r, f in zip(res["replay"], res["floor"])]
lratio = [r[1] / f[1] for r, f in zip(res["replay_launcher"], res["floor_launcher_options"])]
print("rounds: java -jar %s; launcher %s" % (" ".join("%.2f" % x for x in ratio), " ".join("%.2f" % x for x in lratio)))
d = json.load(open(out_dir + "/replay.json"))
print("replay of %d of %d records (agreed, total) with -Xmx%s: CPU %.2fx the Jackson parse floor (median of the rounds' "
      "ratios), wall %.2fx (java -jar)" % (d["agreed"], d["records"], heap, statistics.median(ratio),
      statistics.median(r[0] / f[0] for r, f in zip(res["replay"], res["floor"]))))
print("  through the kubectl-calico_gitops launcher: CPU %.2fx the floor under the launcher's options, wall %.2fx"
      % (statistics.median(lratio), statistics.median(r[0] / f[0] for r, f in zip(res["replay_launcher"], res["floor_launcher_options"]))))
PY
