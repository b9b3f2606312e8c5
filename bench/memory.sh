#!/usr/bin/env bash
# Memory per key: N string keys (16-byte key, 10-byte value) in the fake engine's heap after a
# full GC, against a real redis-server's used_memory for the same keys. Usage: bench/memory.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}

if [ ! -f fake-server/target/test-classes/io/fakeredis/server/MemoryBench.class ]; then
  echo "building (mvn -q -o -DskipTests package)..." >&2
  mvn -q -o -DskipTests package
fi

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
TMP=$(mktemp -d)
redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$TMP" --daemonize no \
  --loglevel warning >"$TMP/real.log" 2>&1 &
REAL_PID=$!
trap 'kill $REAL_PID 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$TMP"' EXIT
for _ in $(seq 1 100); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.05; done

used() { redis-cli -p "$PORT" info memory | tr -d '\r' | awk -F: '$1 == "used_memory" {print $2}'; }
BEFORE=$(used)
# The same keys and values as MemoryBench, sent as one pipelined stream.
python3 - "$N" <<'PY' | redis-cli -p "$PORT" --pipe >/dev/null
import sys
n = int(sys.argv[1]); out = sys.stdout.buffer
for i in range(n):
    k = b"key:%012d" % i; v = b"val:%06d" % (i % 1000000)
    out.write(b"*3\r\n$3\r\nSET\r\n$16\r\n%s\r\n$10\r\n%s\r\n" % (k, v))
PY
AFTER=$(used)
KEYS=$(redis-cli -p "$PORT" dbsize)
REAL=$((AFTER - BEFORE))
echo "real: $KEYS keys, used_memory grew $REAL bytes, $(awk -v b=$REAL -v n="$KEYS" 'BEGIN {printf "%.1f", b/n}') bytes/key"

FAKE_LINE=$(java -Xmx2g -cp fake-core/target/classes:fake-server/target/test-classes io.fakeredis.server.MemoryBench "$N")
echo "$FAKE_LINE"
FAKE_PER_KEY=$(echo "$FAKE_LINE" | sed -E 's/.* ([0-9.]+) bytes\/key.*/\1/')
awk -v f="$FAKE_PER_KEY" -v r=$REAL -v n="$KEYS" 'BEGIN {printf "ratio fake/real: %.2f (target <= 1.5)\n", f / (r / n)}'
