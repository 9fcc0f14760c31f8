#!/usr/bin/env bash
# Where the recording server's memory goes under 10 connections x 64 KiB echo, one message in flight (issue 12:
# RSS <= 300 MB after 10 minutes): bench_echo_server --kind capture and loadgen as in bench/server_load.sh, and
# every SAMPLE seconds one line with the time, RSS and its peak (VmHWM), the memory map by kind
# (bench/smaps_kinds.py: bulk = the engine's chunks and blocks, heap, other anonymous, files) and the engine's own
# accounting (the server's CACHE line: the cache's resident and filling bytes, the spill writer's backlog, the
# pool's kept blocks). After the clients leave (logged), SAMPLES_AFTER more lines. Then the echo rate and the
# server's CPU per echo.
#   bench/echo_memory.sh BUILD_DIR [SECONDS]
# Environment: SAMPLE (s, 10), SAMPLES_AFTER (3), CONNECTIONS (10), SIZE (65535), SERVER_ARGS
# ("--session-budget-mb 2048": a 10-minute run would spill 40 GB with the default 4 GiB per connection),
# SERVER_LIB (a folder put first in LD_LIBRARY_PATH: another libwsi_core.so, to compare builds with one server).
# Only 127.0.0.1; the server on CPU 0 and loadgen on CPU 1 (when taskset exists); bounded; cleans up.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/waitport.sh
. "$ROOT/bench/waitport.sh"
BUILD=${1:?build directory}
DURATION=${2:-120}
[[ $BUILD = /* ]] || BUILD=$ROOT/$BUILD
SAMPLE=${SAMPLE:-10}
SAMPLES_AFTER=${SAMPLES_AFTER:-3}
CONNECTIONS=${CONNECTIONS:-10}
SIZE=${SIZE:-65535}
SERVER_ARGS=${SERVER_ARGS-"--session-budget-mb 2048"}
SERVER_CPU=() LOADGEN_CPU=()
if command -v taskset >/dev/null && [[ $(nproc) -ge 2 ]]; then
    SERVER_CPU=(taskset -c 0) LOADGEN_CPU=(taskset -c 1)
fi
WORK=$(mktemp -d /tmp/wsi-echo-memory.XXXXXX)
SERVER_PID="" LOADGEN_PID=""
cleanup() {
    # TERM first: the loadgen runs under `timeout`, which passes TERM on to it but dies alone on KILL (the loadgen
    # then kept running after the script).
    if [[ -n $LOADGEN_PID ]]; then
        kill -TERM "$LOADGEN_PID" 2>/dev/null || true
        wait "$LOADGEN_PID" 2>/dev/null || true
    fi
    if [[ -n $SERVER_PID ]]; then
        kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# shellcheck disable=SC2086 # SERVER_ARGS is a list of arguments
LD_LIBRARY_PATH=${SERVER_LIB:+$SERVER_LIB:}${LD_LIBRARY_PATH:-} "${SERVER_CPU[@]}" "$BUILD/bench/bench_echo_server" \
    --kind capture $SERVER_ARGS >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
PORT="$(bench_wait_port "$WORK/server.out")"
[[ -n $PORT ]] || { echo "the server did not start:" >&2; cat "$WORK/server.err" >&2; exit 1; }

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }
status_kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$SERVER_PID/status"; }
sample() {
    kill -USR1 "$SERVER_PID"
    local cache=""
    for _ in $(seq 20); do
        sleep 0.05
        cache=$(grep -c '^CACHE' "$WORK/server.out" || true)
        [[ $cache -ge $1 ]] && break
    done
    printf 't=%ds rss_kb=%s hwm_kb=%s %s %s\n' $(($(date +%s) - START)) "$(status_kb VmRSS)" "$(status_kb VmHWM)" \
        "$(python3 "$ROOT/bench/smaps_kinds.py" "$SERVER_PID")" "$(grep '^CACHE' "$WORK/server.out" | tail -1 | cut -d' ' -f2-)"
}

echo "# $(date -u +%FT%TZ) $BUILD${SERVER_LIB:+ with $SERVER_LIB}: $CONNECTIONS x $SIZE B echo, one in flight, ${DURATION}s; load $(cut -d' ' -f1-3 /proc/loadavg)"
START=$(date +%s)
TICKS0=$(cpu_ticks)
"${LOADGEN_CPU[@]}" timeout $((DURATION + 60)) "$BUILD/bench/loadgen" --url "ws://127.0.0.1:$PORT/echo" \
    --connections "$CONNECTIONS" --window 1 --size "$SIZE" --warmup 0 --duration "$DURATION" --timeout 30 \
    >"$WORK/loadgen.out" 2>&1 &
LOADGEN_PID=$!
samples=0
while kill -0 "$LOADGEN_PID" 2>/dev/null; do
    for _ in $(seq $((SAMPLE * 10))); do
        kill -0 "$LOADGEN_PID" 2>/dev/null || break
        sleep 0.1
    done
    kill -0 "$LOADGEN_PID" 2>/dev/null || break
    samples=$((samples + 1))
    sample "$samples"
done
TICKS1=$(cpu_ticks)
wait "$LOADGEN_PID" || true
LOADGEN_PID=""
echo "# clients gone at t=$(($(date +%s) - START))s"
for _ in $(seq "$SAMPLES_AFTER"); do
    sleep 2
    samples=$((samples + 1))
    sample "$samples"
done
result=$(grep '^RESULT' "$WORK/loadgen.out" || true)
[[ -n $result ]] || { echo "loadgen failed:" >&2; cat "$WORK/loadgen.out" >&2; exit 1; }
messages=$(sed -n 's/.* messages=\([0-9]*\).*/\1/p' <<<"$result")
awk -v r="$result" -v t=$((TICKS1 - TICKS0)) -v hz="$(getconf CLK_TCK)" -v n="$messages" 'BEGIN {
    printf "%s\nserver CPU %.1f s, %.1f us per echo\n", r, t / hz, (n > 0 ? t / hz * 1e6 / n : 0) }'
