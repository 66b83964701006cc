#!/usr/bin/env bash
# Times `calico-gitops matrix` on the synthetic 1,000 workloads x 1,000 policies repository (generate.py, seed 42):
# the compiled engine on the full matrix, and both engines on a slice of it (the first $SLICE workloads as sources,
# every workload as destination; the reference engine is too slow for the full matrix in a benchmark run, set
# FULL_REFERENCE=1 to time it anyway). Each timing is the median of $RUNS runs of the whole command (JVM start,
# reading Git and YAML, evaluating, writing CSV).
#
# Output: lines "name value unit", then a human summary. Environment: RUNS (3), SLICE (25), WORKLOADS (1000),
# POLICIES (1000), BENCH_DIR (target/bench-evaluator), MAVEN_REPO_LOCAL (a -Dmaven.repo.local for building the jar).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUNS="${RUNS:-3}"
SLICE="${SLICE:-25}"
WORKLOADS="${WORKLOADS:-1000}"
POLICIES="${POLICIES:-1000}"
DIR="${BENCH_DIR:-$ROOT/target/bench-evaluator}"
DATA="$DIR/data-w$WORKLOADS-p$POLICIES"
JAR="$ROOT/cli/target/calico-gitops.jar"

if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && mvn -B -q -DskipTests ${MAVEN_REPO_LOCAL:+-o -Dmaven.repo.local=$MAVEN_REPO_LOCAL} package) >&2
fi
if [ ! -d "$DATA/.git" ]; then
  rm -rf "$DATA"
  python3 "$HERE/generate.py" "$DATA" --workloads "$WORKLOADS" --policies "$POLICIES" --seed 42 >&2
fi

# median wall and CPU seconds of RUNS runs of a command; prints "wall cpu"
timed() {
  python3 - "$RUNS" "$@" <<'PY'
import resource, statistics, subprocess, sys, time
runs = int(sys.argv[1]); cmd = sys.argv[2:]
walls, cpus = [], []
for _ in range(runs):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.monotonic()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    walls.append(time.monotonic() - t)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
print("%.2f %.2f" % (statistics.median(walls), statistics.median(cpus)))
PY
}

matrix() { # engine sources output
  local extra=()
  [ "$2" != all ] && extra=(--sources "$2")
  java -jar "$JAR" matrix --repo "$DATA" --cluster bench --workloads "$DATA/workloads" -o csv \
    --output-file "$3" --engine "$1" "${extra[@]}"
}
export -f matrix 2>/dev/null || true

run_matrix() { timed bash -c "$(declare -f matrix); JAR='$JAR' DATA='$DATA' matrix $1 $2 '$3'"; }

read -r full_wall full_cpu < <(run_matrix compiled all "$DIR/matrix-compiled.csv")
cells=$(($(wc -l < "$DIR/matrix-compiled.csv") - 1))
allowed=$(grep -c ',allow$' "$DIR/matrix-compiled.csv" || true)
read -r sc_wall sc_cpu < <(run_matrix compiled "$SLICE" "$DIR/slice-compiled.csv")
read -r sr_wall sr_cpu < <(run_matrix reference "$SLICE" "$DIR/slice-reference.csv")
cmp -s "$DIR/slice-compiled.csv" "$DIR/slice-reference.csv" && same=1 || same=0
slice_cells=$(($(wc -l < "$DIR/slice-compiled.csv") - 1))
ratio=$(python3 -c "print('%.1f' % ($sr_cpu / $sc_cpu))")
# Evaluation only: the compiled slice run is almost all JVM start and loading, so subtract it from the others.
per_flow=$(python3 -c "r=max($sr_cpu-$sc_cpu,0.001)/$slice_cells; c=max($full_cpu-$sc_cpu,0.001)/$cells; print('%.0f %.2f %.1f' % (r/c, c*1e6, r*1e6))")
read -r eval_ratio comp_us ref_us <<< "$per_flow"
est=$(python3 -c "print('%.0f' % (max($sr_cpu-$sc_cpu,0) * $cells / $slice_cells + $sc_cpu))")

echo "evaluator.matrix.workloads $WORKLOADS count"
echo "evaluator.matrix.policies $POLICIES count"
echo "evaluator.matrix.cells $cells count"
echo "evaluator.matrix.allowed $allowed count"
echo "evaluator.matrix.compiled.wall $full_wall s"
echo "evaluator.matrix.compiled.cpu $full_cpu s"
echo "evaluator.slice.cells $slice_cells count"
echo "evaluator.slice.compiled.wall $sc_wall s"
echo "evaluator.slice.compiled.cpu $sc_cpu s"
echo "evaluator.slice.reference.wall $sr_wall s"
echo "evaluator.slice.reference.cpu $sr_cpu s"
echo "evaluator.slice.reference_over_compiled_cpu $ratio x"
echo "evaluator.slice.engines_agree $same bool"
echo "evaluator.compiled.cpu_per_flow $comp_us us"
echo "evaluator.reference.cpu_per_flow $ref_us us"
echo "evaluator.reference_over_compiled_per_flow $eval_ratio x"
echo "evaluator.matrix.reference.cpu_estimated $est s"
if [ "${FULL_REFERENCE:-0}" = 1 ]; then
  read -r fr_wall fr_cpu < <(run_matrix reference all "$DIR/matrix-reference.csv")
  echo "evaluator.matrix.reference.wall $fr_wall s"
  echo "evaluator.matrix.reference.cpu $fr_cpu s"
fi
echo
echo "summary: the full matrix ($WORKLOADS workloads x $POLICIES policies, $cells flows, $allowed allowed) takes" \
     "${full_wall}s wall / ${full_cpu}s CPU with the compiled engine (whole command, median of $RUNS)."
echo "         on the first $SLICE sources ($slice_cells flows) the reference engine needs ${sr_cpu}s CPU against" \
     "${sc_cpu}s (x$ratio, JVM start and loading included in both); outputs identical: $([ $same = 1 ] && echo yes || echo NO)."
echo "         evaluation alone: ${comp_us}us CPU per flow compiled, ${ref_us}us reference (x$eval_ratio);" \
     "the reference engine on the full matrix would need about ${est}s CPU."
