#!/usr/bin/env bash
# Throughput of the fake's standalone server against a real redis-server, measured alternately
# with redis-benchmark on free loopback ports. Usage: bench/vs-redis.sh [-n 200000] [-c 50] [-t set,get,incr,mset]
set -euo pipefail
cd "$(dirname "$0")/.."

N=200000; C=50; TESTS=set,get,incr,mset; ROUNDS=1
while [ $# -gt 0 ]; do
  case "$1" in
    -n) N=$2; shift 2 ;;
    -c) C=$2; shift 2 ;;
    -t) TESTS=$2; shift 2 ;;
    -r) ROUNDS=$2; shift 2 ;;
    *) echo "usage: $0 [-n requests] [-c clients] [-t tests] [-r rounds]" >&2; exit 2 ;;
  esac
done

JAR=$(ls fake-server/target/fake-server-*-standalone.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then
  echo "building the standalone jar (mvn -q -o -DskipTests package)..." >&2
  mvn -q -o -DskipTests package
  JAR=$(ls fake-server/target/fake-server-*-standalone.jar | head -1)
fi

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
wait_port() {
  for _ in $(seq 1 200); do
    redis-cli -p "$1" ping >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  echo "nothing answers on port $1" >&2; return 1
}

FAKE_PORT=$(free_port); REAL_PORT=$(free_port)
while [ "$REAL_PORT" = "$FAKE_PORT" ]; do REAL_PORT=$(free_port); done
TMP=$(mktemp -d)
java ${FAKE_JAVA_OPTS:--Xms1g -Xmx1g} -jar "$JAR" --port "$FAKE_PORT" ${FAKE_ARGS:-} >"$TMP/fake.log" 2>&1 &
FAKE_PID=$!
redis-server --port "$REAL_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$TMP" --daemonize no \
  --loglevel warning >"$TMP/real.log" 2>&1 &
REAL_PID=$!
cleanup() { kill "$FAKE_PID" "$REAL_PID" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT
wait_port "$FAKE_PORT"; wait_port "$REAL_PORT"

# Warm the JIT before measuring so the first figures are not the interpreter's.
redis-benchmark -p "$FAKE_PORT" -t set,get -n 200000 -c "$C" -q >/dev/null 2>&1 || true

TICK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# Runs one benchmark; sets RPS (requests per second) and CPU (server CPU microseconds per request).
# CPU time per request is the steadier figure on a busy machine: other load slows both servers'
# throughput but barely changes the work each request costs.
SCRIPT='redis.call("get", KEYS[1]); redis.call("incr", KEYS[1]); redis.call("expire", KEYS[1], 100); return 1'
SHA=$(printf '%s' "$SCRIPT" | sha1sum | cut -d' ' -f1)
# The arguments that run one test: a built-in -t test, or a command of our own.
test_args() {
  case "$1" in
    zrange) echo "ZRANGE myzset 0 99" ;;
    evalsha) echo "EVALSHA $SHA 1 bench:counter" ;;
    *) echo "-t $1" ;;
  esac
}
for port in "$FAKE_PORT" "$REAL_PORT"; do
  redis-cli -p "$port" script load "$SCRIPT" >/dev/null
  redis-benchmark -p "$port" -t zadd -n 1000 -r 1000 -q >/dev/null 2>&1 || true
done

bench() { # port, pid, test, pipeline
  local before after
  before=$(cpu_ticks "$2")
  # shellcheck disable=SC2046
  RPS=$(redis-benchmark -p "$1" -n "$N" -c "$C" -P "$4" -q $(test_args "$3") 2>/dev/null \
    | tr '\r' '\n' | awk -F': ' '/requests per second/ {split($2,a," "); v=a[1]} END {printf "%.0f", v}')
  after=$(cpu_ticks "$2")
  CPU=$(awk -v d=$((after - before)) -v t="$TICK" -v n="$N" 'BEGIN {printf "%.2f", d * 1e6 / t / n}')
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a/b; else print "n/a"}'; }

echo "redis-benchmark -n $N -c $C; fake on $FAKE_PORT ($JAR ${FAKE_ARGS:-}), real $(redis-server --version | awk '{print $3}') on $REAL_PORT"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
printf '%-6s %3s %11s %11s %6s   %9s %9s %6s\n' test P fake-rps real-rps ratio fake-us real-us ratio
SUMMARY=$TMP/summary
for r in $(seq 1 "$ROUNDS"); do
  for P in 1 16; do
    for t in ${TESTS//,/ }; do
      # swap which server goes first every round, so neither always runs on a fresher machine
      if [ $((r % 2)) -eq 1 ]; then
        bench "$FAKE_PORT" "$FAKE_PID" "$t" "$P"; f=$RPS; fc=$CPU
        bench "$REAL_PORT" "$REAL_PID" "$t" "$P"; g=$RPS; gc=$CPU
      else
        bench "$REAL_PORT" "$REAL_PID" "$t" "$P"; g=$RPS; gc=$CPU
        bench "$FAKE_PORT" "$FAKE_PID" "$t" "$P"; f=$RPS; fc=$CPU
      fi
      printf '%-6s %3s %11s %11s %6s   %9s %9s %6s\n' "$t" "$P" "$f" "$g" "$(ratio "$f" "$g")" "$fc" "$gc" "$(ratio "$gc" "$fc")"
      echo "$t $P $(ratio "$f" "$g") $(ratio "$gc" "$fc")" >>"$SUMMARY"
    done
  done
done
if [ "$ROUNDS" -gt 1 ]; then
  echo "geometric means over $ROUNDS rounds:"
  awk '{k=$1" P"$2; if ($3>0) {a[k]+=log($3)}; if ($4>0) {b[k]+=log($4)}; n[k]++}
       END {for (k in n) printf "  %-8s rps ratio %.2f   cpu ratio %.2f\n", k, exp(a[k]/n[k]), exp(b[k]/n[k])}' "$SUMMARY" | sort
fi
echo "rps ratio = fake/real throughput (>1: fake faster); us = server CPU microseconds per request, ratio real/fake (>1: fake cheaper)"
