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

# median wall and CPU seconds and the largest peak RSS (MB) of RUNS runs; prints "wall cpu rss"
timed() {
  python3 - "$RUNS" "$@" <<'PY'
import resource, statistics, subprocess, sys, time, os
runs = int(sys.argv[1]); cmd = sys.argv[2:]
walls, cpus, rss = [], [], 0
for _ in range(runs):
    t = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    walls.append(time.monotonic() - t)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("command failed: %s" % " ".join(cmd))
    cpus.append(ru.ru_utime + ru.ru_stime)
    rss = max(rss, ru.ru_maxrss // 1024)
print("%.2f %.2f %d" % (statistics.median(walls), statistics.median(cpus), rss))
PY
}

# Each replay is compared with the floor run under the same JVM options: the same heap cap (a smaller heap alone makes
# the floor about 8 % cheaper: fewer fresh pages touched), and for the launcher the collector it picks (the throughput
# collector from 256 MiB of flow logs, which makes the floor about 15 % cheaper still).
floor=(java "-Xmx$HEAP" -cp "$DIR/floor-classes:$JAR" FlowParseFloor "$FLOWS")
read -r fw fc fr < <(timed "${floor[@]}")
if [ "$(wc -c < "$FLOWS")" -ge $((256 * 1024 * 1024)) ]; then
  read -r pw pc pr < <(timed java -XX:+UseParallelGC "${floor[@]:1}")
else
  pw=$fw; pc=$fc; pr=$fr
fi
replay=(flows replay --repo "$DATA" --cluster bench --workloads "$DATA/workloads" --flow-logs "$FLOWS" -o json)
read -r tw tc tr < <(timed java "-Xmx$HEAP" -jar "$JAR" "${replay[@]}" --output-file "$DIR/replay.json")
# The same replay as users run it: through the kubectl-calico_gitops launcher (its JIT choice: the full JIT from
# 256 MiB of flow logs, C1 alone below; the class-data-sharing archive beside the jar when it is there and newer),
# with the same heap cap through JAVA_TOOL_OPTIONS (CALICO_GITOPS_JAVA_OPTS would replace the launcher's choice).
read -r lw lc lr < <(CALICO_GITOPS_JAR="$JAR" JAVA_TOOL_OPTIONS="-Xmx$HEAP" timed "$ROOT/kubectl-calico_gitops" "${replay[@]}" \
  --output-file "$DIR/replay-launcher.json")
cmp -s "$DIR/replay.json" "$DIR/replay-launcher.json" || { echo "the two replays' reports differ" >&2; exit 1; }
agreed=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['agreed'], d['records'])" "$DIR/replay.json")
echo "floor_wall $fw s"; echo "floor_cpu $fc s"; echo "floor_rss $fr MB"
echo "floor_launcher_options_wall $pw s"; echo "floor_launcher_options_cpu $pc s"; echo "floor_launcher_options_rss $pr MB"
echo "replay_wall $tw s"; echo "replay_cpu $tc s"; echo "replay_rss $tr MB"
echo "replay_launcher_wall $lw s"; echo "replay_launcher_cpu $lc s"; echo "replay_launcher_rss $lr MB"
python3 - "$fc" "$tc" "$fw" "$tw" "$agreed" "$HEAP" "$lc" "$lw" "$pc" "$pw" <<'PY'
import sys
fc, tc, fw, tw = map(float, sys.argv[1:5])
lc, lw, pc, pw = map(float, sys.argv[7:11])
print("replay of %s records (agreed, total) with -Xmx%s: CPU %.2fx the Jackson parse floor, wall %.2fx (java -jar)"
      % (sys.argv[5].replace(" ", " of "), sys.argv[6], tc / fc, tw / fw))
print("  through the kubectl-calico_gitops launcher: CPU %.2fx the floor under the launcher's options, wall %.2fx"
      % (lc / pc, lw / pw))
PY
