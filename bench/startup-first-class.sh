#!/usr/bin/env bash
# What @FakeRedis adds to the first and only test class of a fresh JVM, launcher included.
# Alternates fresh JVMs running one plain class and one @FakeRedis class (StartupBenchmark first
# plain|fake) and reports the paired differences: single runs vary by 30-50 ms on a shared
# 2-core machine, so only many pairs resolve a 10 ms change.
# Usage: bench/startup-first-class.sh [-n pairs] [extra JVM options, e.g. -Dfakeredis.warmup=false]
set -euo pipefail
cd "$(dirname "$0")/.."

PAIRS=40
if [ "${1:-}" = "-n" ]; then PAIRS=$2; shift 2; fi

CPFILE=$(mktemp)
OUT=$(mktemp -d)
trap 'rm -rf "$CPFILE" "$OUT"' EXIT
mvn -q -o install -DskipTests >&2
mvn -q -o test-compile dependency:build-classpath -pl junit-extension \
    -Dmdep.outputFile="$CPFILE" -Dmdep.includeScope=test >&2
CP="junit-extension/target/test-classes:junit-extension/target/classes:$(cat "$CPFILE")"

# one line per run: wall ms, then CPU ms of the C1 and C2 compiler threads, the main thread,
# threads that ended, and the whole process
run() {
  java "$@" -cp "$CP" io.fakeredis.junit.StartupBenchmark first "$MODE" | awk '
    /included: wall/ { wall = $(NF - 1) }
    /thread cpu/ {
      for (i = 1; i <= NF; i++) {
        split($i, kv, "=")
        if (kv[1] == "CompilerThre") { if ($(i-1) == "C1") c1 = kv[2]; else c2 = kv[2] }
        else if (kv[1] == "java") main = kv[2]
        else if (kv[1] == "gone") gone = kv[2]
        else if (kv[1] == "total") total = kv[2]
      }
    }
    END { print wall, c1, c2, main, gone, total }'
}

for _ in $(seq "$PAIRS"); do
  MODE=plain run "$@" >> "$OUT/plain"
  MODE=fake run "$@" >> "$OUT/fake"
done

echo "@FakeRedis class minus plain class, $PAIRS alternating pairs of fresh JVMs ${*:-(default options)}:"
col=1
for name in wall C1 C2 main ended process; do
  paste "$OUT/plain" "$OUT/fake" | awk -v c=$col '{ print $(c + 6) - $c }' | sort -n | awk -v name="$name" '
    { a[NR] = $1; s += $1; ss += $1 * $1 }
    END {
      n = NR; m = s / n; sd = sqrt((ss - n * m * m) / (n - 1))
      printf "  %-8s median %6.1f ms, mean %6.1f +- %.1f ms (95%%)%s\n", name, a[int((n + 1) / 2)], m, 1.96 * sd / sqrt(n), name == "wall" ? "" : " cpu"
    }'
  col=$((col + 1))
done
for m in plain fake; do
  sort -n "$OUT/$m" | awk -v m="$m" '{ a[NR] = $1 } END { printf "  %-5s class wall median %.1f ms\n", m, a[int((NR + 1) / 2)] }'
done
