#!/usr/bin/env bash
# Issue 12's long-run memory goal for `wsinspector-cli serve`: RSS <= 300 MB after 10 minutes of 10 connections x
# 64 KiB echo, one message in flight per connection. Starts `wsinspector-cli serve --mode echo` (its JSON Lines read
# and dropped through a pipe, as a terminal would take them), drives it with bench/loadgen for DURATION seconds,
# samples the server's RSS every SAMPLE seconds and prints the curve, the peak (VmHWM), the echo rate and the
# server's CPU per echo. Then, for PEER_DURATION seconds (0 skips it), the same load against bench_echo_server
# --kind bare (a plain QWebSocketServer, nothing recorded) as the peer measured in the same run.
#   bench/serve_soak.sh BUILD_DIR                     # 600 s against the CLI, then 60 s against bare Qt
#   DURATION=60 PEER_DURATION=0 bench/serve_soak.sh build
# Environment: DURATION (600), SAMPLE (10), PEER_DURATION (60), CONNECTIONS (10), SIZE (65535),
# CLI_ARGS (more arguments for serve, e.g. "--session-budget-mb 2048"). Only 127.0.0.1; nothing pinned; every
# process it starts is stopped on exit.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/waitport.sh
. "$ROOT/bench/waitport.sh"
BUILD=${1:?build directory}
[[ $BUILD = /* ]] || BUILD=$ROOT/$BUILD
DURATION=${DURATION:-600}
SAMPLE=${SAMPLE:-10}
PEER_DURATION=${PEER_DURATION:-60}
CONNECTIONS=${CONNECTIONS:-10}
SIZE=${SIZE:-65535}
CLI=$BUILD/app/cli/wsinspector-cli
LOADGEN=$BUILD/bench/loadgen
BARE=$BUILD/bench/bench_echo_server
for f in "$CLI" "$LOADGEN" "$BARE"; do
    [[ -x $f ]] || { echo "missing $f: build wsinspector-cli, loadgen and bench_echo_server first" >&2; exit 2; }
done

WORK=$(mktemp -d /tmp/wsi-serve-soak.XXXXXX)
SERVER_PID="" READER_PID="" LOADGEN_PID=""
cleanup() {
    for pid in $LOADGEN_PID $SERVER_PID $READER_PID; do
        kill -KILL "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# soak PID PORT SECONDS: the load for SECONDS with an RSS sample every SAMPLE s; prints the curve and the result.
soak() {
    local pid=$1 port=$2 seconds=$3 start ticks0 ticks1 peak=0 rss result messages
    start=$(date +%s)
    ticks0=$(cpu_ticks "$pid")
    timeout $((seconds + 60)) "$LOADGEN" --url "ws://127.0.0.1:$port/echo" --connections "$CONNECTIONS" --window 1 \
        --size "$SIZE" --warmup 0 --duration "$seconds" --timeout 30 >"$WORK/loadgen.out" 2>&1 &
    LOADGEN_PID=$!
    while kill -0 "$LOADGEN_PID" 2>/dev/null; do
        for _ in $(seq $((SAMPLE * 10))); do
            kill -0 "$LOADGEN_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -0 "$LOADGEN_PID" 2>/dev/null || break
        rss=$(status_kb "$pid" VmRSS)
        ((rss > peak)) && peak=$rss
        awk -v t=$(($(date +%s) - start)) -v r="$rss" -v h="$(status_kb "$pid" VmHWM)" \
            'BEGIN { printf "t=%4ds  rss %7.1f MiB  (VmHWM %7.1f MiB)\n", t, r / 1024, h / 1024 }'
    done
    ticks1=$(cpu_ticks "$pid")
    wait "$LOADGEN_PID" || true
    LOADGEN_PID=""
    sleep 2
    rss=$(status_kb "$pid" VmRSS)
    result=$(grep '^RESULT' "$WORK/loadgen.out" || true)
    [[ -n $result ]] || { echo "loadgen failed:" >&2; cat "$WORK/loadgen.out" >&2; exit 1; }
    messages=$(sed -n 's/.* messages=\([0-9]*\).*/\1/p' <<<"$result")
    awk -v r="$result" -v t=$((ticks1 - ticks0)) -v hz="$(getconf CLK_TCK)" -v n="$messages" -v after="$rss" \
        -v peak="$peak" -v hwm="$(status_kb "$pid" VmHWM)" 'BEGIN {
        printf "%s\nRSS 2 s after the clients left %.1f MiB (%.1f MB); highest sample %.1f MiB; VmHWM %.1f MiB\n",
               r, after / 1024, after * 1024 / 1e6, peak / 1024, hwm / 1024
        printf "server CPU %.1f s, %.1f us per echo\n", t / hz, (n > 0 ? t / hz * 1e6 / n : 0) }'
}

echo "# $(date -u +%FT%TZ) $BUILD: $CONNECTIONS x $SIZE B echo, one in flight; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "## wsinspector-cli serve --mode echo ${CLI_ARGS:-}, ${DURATION}s"
mkfifo "$WORK/cli.fifo"
{
    while IFS= read -r line; do
        printf '%s\n' "$line" >>"$WORK/cli.out"
        [[ $line == *'"listening"'* ]] && break
    done
    cat >/dev/null
} <"$WORK/cli.fifo" &
READER_PID=$!
# shellcheck disable=SC2086 # CLI_ARGS is a list of arguments
"$CLI" serve --mode echo --port 0 ${CLI_ARGS:-} >"$WORK/cli.fifo" 2>"$WORK/cli.err" &
SERVER_PID=$!
PORT=""
for _ in $(seq 100); do
    PORT=$(sed -n 's/.*"url":"ws:\/\/127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$WORK/cli.out" 2>/dev/null || true)
    [[ -n $PORT ]] && break
    sleep 0.1
done
[[ -n $PORT ]] || { echo "wsinspector-cli serve did not start: $(cat "$WORK/cli.err")" >&2; exit 1; }
soak "$SERVER_PID" "$PORT" "$DURATION"
kill -TERM "$SERVER_PID" 2>/dev/null || true
wait "$SERVER_PID" 2>/dev/null || true
wait "$READER_PID" 2>/dev/null || true
SERVER_PID="" READER_PID=""

((PEER_DURATION > 0)) || exit 0
echo "## bench_echo_server --kind bare (a plain QWebSocketServer), ${PEER_DURATION}s"
"$BARE" --kind bare >"$WORK/bare.out" 2>"$WORK/bare.err" &
SERVER_PID=$!
PORT="$(bench_wait_port "$WORK/bare.out")"
[[ -n $PORT ]] || { echo "bench_echo_server did not start: $(cat "$WORK/bare.err")" >&2; exit 1; }
soak "$SERVER_PID" "$PORT" "$PEER_DURATION"
kill -TERM "$SERVER_PID" 2>/dev/null || true
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
