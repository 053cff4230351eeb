#!/usr/bin/env bash
# A bigger list-append history from a generated one (EDN, one op a line, as WriteHistory writes it)
# without generating it again: the file, then COPIES-1 copies with keys, processes and indices
# shifted past every earlier copy's, then the first EXTRA lines shifted again. Every op of a copy
# follows every op of the copy before, so realtime order only points forward and a valid history
# stays valid (`:time` restarts in each copy; the checkers order by position).
#
#   bench/stack-history.sh IN.edn COPIES EXTRA_LINES OUT.edn
#   e.g. 22M transactions from 10M: bench/stack-history.sh la-10000000.edn 2 4000000 la-22000000.edn
set -euo pipefail
[ $# = 4 ] || { echo "usage: bench/stack-history.sh IN.edn COPIES EXTRA_LINES OUT.edn" >&2; exit 254; }
IN="$1" COPIES="$2" EXTRA="$3" OUT="$4"
LINES=$(wc -l < "$IN")
shift_copy() { # index-offset shift
  perl -pe "s/:index (\d+)/':index '.(\$1+$1)/e; s/:process (\d+)/':process '.(\$1+$2)/e; s/\[:(append|r) (\d+)/'[:'.\$1.' '.(\$2+$2)/ge"
}
# keys and processes of one copy stay below this (WriteHistory's 10M history: keys below 470,000, processes below 101,000)
STEP=1000000000
cat "$IN" > "$OUT.part"
for c in $(seq 1 $((COPIES - 1))); do shift_copy $((LINES * c)) $((STEP * c)) < "$IN" >> "$OUT.part"; done
[ "$EXTRA" = 0 ] || head -n "$EXTRA" "$IN" | shift_copy $((LINES * COPIES)) $((STEP * COPIES)) >> "$OUT.part"
mv "$OUT.part" "$OUT"
