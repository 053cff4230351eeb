#!/usr/bin/env bash
# Linearizability side by side with Porcupine, per history: the 102 etcd histories and the 6 kv
# histories of Porcupine's own benchmark suite, read from a Porcupine checkout (data only).
#
#   bench/porcupine-compare.sh PORCUPINE_DIR PORCUPINE_RESULTS [MIN_MS] [MIN_REPS]
#
# PORCUPINE_RESULTS is the text output of Porcupine's own benchmarks (its BenchmarkEtcdJepsenNNN and
# BenchmarkKv*Client* functions, one or several counts; the median of the counts is used), run just
# before this script on the same machine. This project builds and ships none of Porcupine's code.
# This script then times quorumlab on the same files (io.quorumlab.bench.LinearizabilityTimes:
# steady state, parsing excluded, median of at least MIN_REPS repetitions and MIN_MS ms, defaults
# 10 and 200) and prints one row per history: Porcupine ms, quorumlab ms, speed-up, whether the
# verdicts agree (Porcupine's benchmarks fail unless its verdict is the expected one; quorumlab's is
# compared with the same expectation), whether the row meets the target (10x when Porcupine takes
# 1 ms or more, else 2x), and quorumlab's process CPU time per check (all threads, JIT and GC too).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 2 ] || { echo "usage: bench/porcupine-compare.sh PORCUPINE_DIR PORCUPINE_RESULTS [MIN_MS] [MIN_REPS]" >&2; exit 254; }
PDIR="$1"; PRES="$2"; MIN_MS="${3:-200}"; MIN_REPS="${4:-10}"
[ -f "$PDIR/porcupine_test.go" ] && [ -d "$PDIR/test_data/jepsen" ] || { echo "porcupine-compare.sh: $PDIR is not a Porcupine checkout" >&2; exit 254; }
[ -f "$PRES" ] || { echo "porcupine-compare.sh: no such file: $PRES" >&2; exit 254; }
JAR="$ROOT/bench/target/benchmarks.jar"
if [ ! -f "$JAR" ]; then
  echo "building the bench module..." >&2
  (cd "$ROOT" && mvn -B -q -DskipTests package -pl bench -am) >&2
fi
DIR="$(mktemp -d "${TMPDIR:-/tmp}/porcupine-compare.XXXXXX")"
trap 'rm -rf "$DIR"' EXIT

# Which history each benchmark checks and the verdict it expects, from the benchmark suite's source:
# "BenchmarkEtcdJepsen002 etcd_002 true", "BenchmarkKv1ClientOk c01-ok true" (partitioned kv only).
awk '
  /^func Benchmark/ { name = $2; sub(/\(.*/, "", name) }
  /benchJepsen\(b, [0-9]+, (true|false)\)/ { match($0, /[0-9]+, (true|false)/); split(substr($0, RSTART, RLENGTH), a, ", ");
    printf "%s etcd_%03d %s\n", name, a[1], a[2] }
  /benchKv\(b, "[^"]+", (true|false), true\)/ { match($0, /"[^"]+", (true|false)/); split(substr($0, RSTART, RLENGTH), a, ", ");
    gsub(/"/, "", a[1]); printf "%s %s %s\n", name, a[1], a[2] }
' "$PDIR/porcupine_test.go" > "$DIR/benchmarks"

# Porcupine's etcd logs ("INFO  jepsen.util - P :type :f value") as history.edn, the same way the
# copies in corpora/jepsen-etcd were made (an :info completion carries its invocation's value).
to_edn() {
  awk '/jepsen\.util - / {
    sub(/^.*jepsen\.util - /, ""); p = $1; t = $2; f = $3
    v = $0; sub(/^[^ \t]+[ \t]+[^ \t]+[ \t]+[^ \t]+[ \t]+/, "", v); sub(/[ \t]+$/, "", v); err = ""
    if (t == ":invoke") inv[p] = v; else if (v == ":timed-out") { v = inv[p]; err = ", :error :timed-out" }
    printf "{:index %d, :type %s, :f %s, :value %s, :process %s%s}\n", n++, t, f, v, p, err }' "$1"
}
: > "$DIR/list"
while read -r bench hist expected; do
  case "$hist" in
    etcd_*) to_edn "$PDIR/test_data/jepsen/$hist.log" > "$DIR/$hist.edn"
            printf '%s\t%s\tcas-register\t%s\n' "$hist" "$DIR/$hist.edn" "$expected" >> "$DIR/list" ;;
    *) printf '%s\t%s\tkv\t%s\n' "$hist" "$PDIR/test_data/kv/$hist.txt" "$expected" >> "$DIR/list" ;;
  esac
done < "$DIR/benchmarks"

java -Xmx2g -cp "$JAR" io.quorumlab.bench.LinearizabilityTimes "$DIR/list" "$MIN_MS" "$MIN_REPS" > "$DIR/quorumlab"

# Porcupine: the median over counts of each benchmark's ns/op, in ms.
awk '/^Benchmark.* ns\/op/ { n = $1; sub(/-[0-9]+$/, "", n); for (i = 2; i < NF; i++) if ($(i + 1) == "ns/op") print n, $i / 1e6 }' "$PRES" \
  | sort -k1,1 -k2,2g | awk '{ v[$1, ++c[$1]] = $2 } END { for (n in c) print n, v[n, int((c[n] + 1) / 2)] }' > "$DIR/porcupine"

awk -v bm="$DIR/benchmarks" -v pc="$DIR/porcupine" '
  BEGIN { FS = "\t"
    while ((getline l < bm) > 0) { split(l, a, " "); bench[a[2]] = a[1] }
    while ((getline l < pc) > 0) { split(l, a, " "); pms[a[1]] = a[2] }
    printf "%-10s %13s %13s %9s %7s %9s %10s\n", "history", "porcupine_ms", "quorumlab_ms", "speedup", "agree", "target", "q_cpu_ms" }
  NR > 1 {
    h = $1; q = $2; p = pms[bench[h]]
    if (p == "") { printf "%-10s %13s %13.4f %9s %7s %9s %10.4f\n", h, "-", q, "-", $5, "-", $6; missing++; next }
    r = q > 0 ? p / q : 0; need = p >= 1 ? 10 : 2; ok = r >= need ? "ok" : "MISS(" need "x)"
    if (r < need) misses++; if ($5 != "yes") disagree++
    pt += p; qt += q; rows++
    printf "%-10s %13.4f %13.4f %8.1fx %7s %9s %10.4f\n", h, p, q, r, $5, ok, $6 }
  END {
    printf "%-10s %13.3f %13.3f %8.1fx\n", "TOTAL", pt, qt, (qt > 0 ? pt / qt : 0)
    printf "%d histories compared, %d miss their target, %d verdicts disagree, %d without a Porcupine time\n", rows, misses, disagree, missing }
' "$DIR/quorumlab"
