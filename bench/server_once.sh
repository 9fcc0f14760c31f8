#!/usr/bin/env bash
# One echo-load run against one server, printing its rate and how busy the server was: tells a server that
# is the limit (CPU near 100%) from one that waits on its clients. The same servers and load generator as
# bench/server_load.sh, which alternates them over rounds; this one is for quick before/after checks.
#   bench/server_once.sh BUILD_DIR capture|bare|node CONNECTIONS [WINDOW]
# Prints: "<kind> <connections> conn: <msgs/s> msgs/s, server CPU <percent>% of one core".
# Only 127.0.0.1; server on CPU 0 and load generator on CPU 1 (when taskset exists); bounded; cleans up.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/waitport.sh
. "$ROOT/bench/waitport.sh"
BUILD=${1:?build directory}
KIND=${2:?capture, bare or node}
CONNS=${3:?connections}
WINDOW=${4:-16}
[[ $BUILD = /* ]] || BUILD=$ROOT/$BUILD
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
SERVER_CPU=() LOADGEN_CPU=()
if command -v taskset >/dev/null && [[ $(nproc) -ge 2 ]]; then
    SERVER_CPU=(taskset -c 0) LOADGEN_CPU=(taskset -c 1)
fi
WORK=$(mktemp -d /tmp/wsi-server-once.XXXXXX)
SERVER_PID=""
cleanup() {
    [[ -n $SERVER_PID ]] && kill -KILL "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
if [[ $KIND = node ]]; then
    "${SERVER_CPU[@]}" node "$ROOT/bench/node_echo_server.js" >"$WORK/server.out" 2>&1 &
else
    "${SERVER_CPU[@]}" "$BUILD/bench/bench_echo_server" --kind "$KIND" >"$WORK/server.out" 2>&1 &
fi
SERVER_PID=$!
PORT="$(bench_wait_port "$WORK/server.out")"
[[ -n $PORT ]] || { echo "the $KIND server did not start" >&2; cat "$WORK/server.out" >&2; exit 1; }
"${LOADGEN_CPU[@]}" "$BUILD/bench/loadgen" --url "ws://127.0.0.1:$PORT/echo" --connections "$CONNS" \
    --window "$WINDOW" --size 32 --warmup 1 --duration 5 --timeout 30 >"$WORK/loadgen.out" &
LOADGEN_PID=$!
# Server CPU over 3 s in the middle of the measured 5 s, from /proc (utime + stime, in clock ticks).
sleep 2
ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }
before=$(ticks)
sleep 3
after=$(ticks)
wait "$LOADGEN_PID"
hz=$(getconf CLK_TCK)
rate=$(sed -n 's/.*msgs_per_s=\([0-9]*\).*/\1/p' "$WORK/loadgen.out")
[[ -n $rate ]] || { echo "the load generator failed" >&2; cat "$WORK/loadgen.out" >&2; exit 1; }
awk -v k="$KIND" -v c="$CONNS" -v r="$rate" -v t="$((after - before))" -v hz="$hz" \
    'BEGIN { printf "%s %d conn: %d msgs/s, server CPU %.0f%% of one core\n", k, c, r, 100 * t / (3 * hz) }'
