#!/usr/bin/env bash
# The big-history benchmark: end to end `quorumlab check` (JVM start, reading, checking) on
# generated histories, as a user runs it. For each history: the median of REPS runs of wall time,
# user and system CPU time (less distorted by a loaded machine than wall time) and peak resident
# memory, from /usr/bin/time.
#
#   bench/big-histories.sh [--reps N] [--sizes "10000 100000 1000000 10000000"] [--register] [--keep] [--dir DIR]
#
# list-append: strict-serializable histories of each size (EDN, and JSONL for 1M), from
# io.quorumlab.bench.WriteHistory (ElleHistoryGenerator: 20 clients, 40 keys, 32 appends a key).
# --register adds linearizability on 100k register operations on one key at concurrency 10 and
# 1M operations over 1,000 keys. Generated files go to DIR (default a fresh temporary directory)
# and are deleted at the end unless --keep. QUORUMLAB_JAVA_OPTS passes JVM options (heap) to check.
# Bigger than 10M: stack a generated history (bench/stack-history.sh), then time check on it by hand.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPS=3
SIZES="10000 100000 1000000 10000000"
REGISTER=0
KEEP=0
DIR=""
while [ $# -gt 0 ]; do
  case "$1" in
    --reps) REPS="$2"; shift 2 ;;
    --sizes) SIZES="$2"; shift 2 ;;
    --register) REGISTER=1; shift ;;
    --keep) KEEP=1; shift ;;
    --dir) DIR="$2"; shift 2 ;;
    *) echo "big-histories.sh: unknown argument $1" >&2; exit 254 ;;
  esac
done
command -v /usr/bin/time >/dev/null || { echo "big-histories.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 254; }
JAR="$ROOT/bench/target/benchmarks.jar"
if [ ! -f "$JAR" ]; then
  echo "building the bench module..." >&2
  (cd "$ROOT" && mvn -B -q -DskipTests package -pl bench -am) >&2
fi
[ -n "$DIR" ] || DIR="$(mktemp -d "${TMPDIR:-/tmp}/quorumlab-big.XXXXXX")"
mkdir -p "$DIR"
[ "$KEEP" = 1 ] || trap 'rm -rf "$DIR"' EXIT

gen() { # kind out args...
  local kind="$1" out="$2"; shift 2
  [ -f "$out" ] || java -Xmx3g -cp "$JAR" io.quorumlab.bench.WriteHistory "$kind" "$@" "$out" >&2
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() { # label file check-args...
  local label="$1" file="$2"; shift 2
  local walls="" users="" syss="" rsss="" verdict=""
  for _ in $(seq "$REPS"); do
    local t; t="$(mktemp)"
    local out; out="$( { /usr/bin/time -f "%e %U %S %M" -o "$t" "$ROOT/quorumlab" check "$@" "$file" 2>/dev/null; } || true)"
    verdict="$(echo "$out" | head -1 | sed 's/^[^:]*: //' | cut -c1-60)"
    read -r w u s m < "$t"; rm -f "$t"
    walls+="$w"$'\n'; users+="$u"$'\n'; syss+="$s"$'\n'; rsss+="$m"$'\n'
  done
  printf "%-34s %9s %8s %8s %8s  %s\n" "$label" "$(printf %s "$walls" | median)" "$(printf %s "$users" | median)" \
    "$(printf %s "$syss" | median)" "$(( $(printf %s "$rsss" | median) / 1024 ))" "$verdict"
}

echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), QUORUMLAB_JAVA_OPTS=${QUORUMLAB_JAVA_OPTS:-}; medians of $REPS runs"
printf "%-34s %9s %8s %8s %8s  %s\n" "history" "wall s" "user s" "sys s" "RSS MiB" "verdict"
for n in $SIZES; do
  gen list-append "$DIR/la-$n.edn" --txns "$n"
  measure "list-append $n txns EDN ($(( $(stat -c %s "$DIR/la-$n.edn") >> 20 )) MiB)" "$DIR/la-$n.edn" --checker list-append
  if [ "$n" = 1000000 ]; then
    gen list-append "$DIR/la-$n.jsonl" --txns "$n"
    measure "list-append $n txns JSONL" "$DIR/la-$n.jsonl" --checker list-append
  fi
done
if [ "$REGISTER" = 1 ]; then
  gen register "$DIR/reg-100k-1key.edn" --ops 100000 --concurrency 10 --keys 1
  measure "register 100k ops, 1 key, c=10" "$DIR/reg-100k-1key.edn"
  gen register "$DIR/reg-1m-1000keys.edn" --ops 1000000 --concurrency 10 --keys 1000
  measure "register 1M ops, 1000 keys, c=10" "$DIR/reg-1m-1000keys.edn"
fi
