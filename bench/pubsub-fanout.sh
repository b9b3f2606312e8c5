#!/usr/bin/env bash
# Pub/Sub fan-out: 1 publisher, 1,000 subscribers on one channel, 10,000 idle connections,
# against the fake and the real redis-server in the same run. Heavy: run it alone.
# Usage: bench/pubsub-fanout.sh [real-port] [subs] [idle] [messages]
set -euo pipefail
cd "$(dirname "$0")/.."
REAL_PORT=${1:-7180}
SUBS=${2:-1000}
IDLE=${3:-10000}
MSGS=${4:-10000}
mvn -o -q test-compile -pl fake-server -am >/dev/null
CP=fake-core/target/classes:fake-server/target/classes:fake-server/target/test-classes
BENCH=io.fakeredis.server.pubsub.PubSubFanoutBench

LOG=$(mktemp)
java -Xmx1g -cp "$CP" io.fakeredis.server.Main --port 0 >"$LOG" 2>&1 &
FAKE_PID=$!
trap 'kill $FAKE_PID 2>/dev/null || true; redis-cli -p $REAL_PORT shutdown nosave >/dev/null 2>&1 || true; rm -f "$LOG"' EXIT
for _ in $(seq 100); do grep -q "ready on" "$LOG" && break; sleep 0.1; done
FAKE_PORT=$(sed -n 's/.*ready on [^:]*:\([0-9]*\).*/\1/p' "$LOG")

redis-server --port "$REAL_PORT" --save '' --appendonly no --maxclients 12000 --daemonize no \
  --loglevel warning >/dev/null 2>&1 &
REAL_PID=$!
for _ in $(seq 100); do redis-cli -p "$REAL_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done

# One untimed round per server first: the fake's JIT needs it, and it costs Redis nothing.
java -Xmx512m -cp "$CP" $BENCH 127.0.0.1 "$FAKE_PORT" fake "$FAKE_PID" "$SUBS" "$IDLE" 2000 >/dev/null
java -Xmx512m -cp "$CP" $BENCH 127.0.0.1 "$REAL_PORT" real "$REAL_PID" "$SUBS" "$IDLE" 2000 >/dev/null
FAKE=$(java -Xmx512m -cp "$CP" $BENCH 127.0.0.1 "$FAKE_PORT" fake "$FAKE_PID" "$SUBS" "$IDLE" "$MSGS" | grep "RESULT\|TIMEOUT")
echo "$FAKE"
REAL=$(java -Xmx512m -cp "$CP" $BENCH 127.0.0.1 "$REAL_PORT" real "$REAL_PID" "$SUBS" "$IDLE" "$MSGS" | grep "RESULT\|TIMEOUT")
echo "$REAL"
rate() { sed -n 's/.*delivered_per_sec=\([0-9]*\).*/\1/p' <<<"$1"; }
echo "ratio fake/real delivered msgs/s: $(awk -v f="$(rate "$FAKE")" -v r="$(rate "$REAL")" 'BEGIN{printf "%.2f", f/r}')"
