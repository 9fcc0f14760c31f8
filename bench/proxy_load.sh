#!/usr/bin/env bash
# Echo through the reverse proxy (wsinspector-cli proxy, recording both legs) against the same client talking
# to the same server directly, in one run (issue 13's goal: through the proxy >= 0.6x direct, two hops where
# there was one):
#  1. 32-byte text echo, msgs/s, at 1 and 100 connections (WINDOW messages in flight per connection);
#  2. 10 connections x 65535-byte messages (loadgen's largest, "64 KiB"), MB/s of echoed payload.
# Direct and proxied runs alternate over ROUNDS rounds; medians and the ratio proxied/direct are printed.
# The server is node-ws (bench/node_echo_server.js). The proxy prints its session log (--no-frames) to a file
# on /tmp, as a user would keep it.
# Environment: ROUNDS (3), WINDOW (16), WARMUP (2), DURATION (5), CONNECTIONS ("1 100"), BIG_CONNECTIONS (10).
# Builds nothing: expects a Release build directory with loadgen and wsinspector-cli, e.g.
#   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release
#   ninja -C build-bench loadgen wsinspector-cli
#   bench/proxy_load.sh build-bench
# Only 127.0.0.1. The server and the proxy share CPU 0, the load generator has CPU 1 (when taskset exists).
# Every loop is bounded, and every process is stopped on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build-bench}
[[ $BUILD = /* ]] || BUILD=$ROOT/$BUILD
LOADGEN=$BUILD/bench/loadgen
CLI=$BUILD/app/cli/wsinspector-cli
NODE_SERVER=$ROOT/bench/node_echo_server.js
ROUNDS=${ROUNDS:-3}
WINDOW=${WINDOW:-16}
WARMUP=${WARMUP:-2}
DURATION=${DURATION:-5}
CONNECTIONS=${CONNECTIONS-"1 100"}
BIG_CONNECTIONS=${BIG_CONNECTIONS:-10}
BIG_SIZE=65535

for f in "$LOADGEN" "$CLI"; do
    [[ -x $f ]] || { echo "missing $f: build it first (see the top of $0)" >&2; exit 2; }
done
command -v node >/dev/null || { echo "node is missing (Debian's nodejs and node-ws)" >&2; exit 2; }
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}

SERVER_CPU=() LOADGEN_CPU=()
if command -v taskset >/dev/null && [[ $(nproc) -ge 2 ]]; then
    SERVER_CPU=(taskset -c 0) LOADGEN_CPU=(taskset -c 1)
fi

WORK=$(mktemp -d /tmp/wsi-proxy-load.XXXXXX)
SERVER_PID=""
PROXY_PID=""
stop_pid() {
    local pid=$1
    [[ -n $pid ]] || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    stop_pid "$PROXY_PID"
    stop_pid "$SERVER_PID"
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# wait_for FILE AWK-PROGRAM PID: prints the first match of the program in FILE within 10 s.
wait_for() {
    local found=""
    for _ in $(seq 100); do
        found=$(awk "$2" "$1")
        [[ -n $found ]] && { echo "$found"; return 0; }
        kill -0 "$3" 2>/dev/null || break
        sleep 0.1
    done
    return 1
}

"${SERVER_CPU[@]}" node "$NODE_SERVER" >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
PORT=$(wait_for "$WORK/server.out" '$1 == "PORT" { print $2; exit }' "$SERVER_PID") \
    || { echo "the node server did not start" >&2; cat "$WORK/server.err" >&2; exit 1; }

"${SERVER_CPU[@]}" "$CLI" proxy --to "ws://127.0.0.1:$PORT/" --no-frames --session-budget-mb 64 \
    >"$WORK/proxy.jsonl" 2>"$WORK/proxy.err" &
PROXY_PID=$!
PROXY_PORT=$(wait_for "$WORK/proxy.jsonl" \
    'match($0, /"url":"ws:\/\/127\.0\.0\.1:[0-9]+/) { s = substr($0, RSTART, RLENGTH); sub(/.*:/, "", s); print s; exit }' \
    "$PROXY_PID") || { echo "the proxy did not start" >&2; cat "$WORK/proxy.err" >&2; exit 1; }

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# run PORT CONNECTIONS SIZE: prints msgs/s.
run() {
    local line
    line=$(timeout $((WARMUP + DURATION + 60)) "${LOADGEN_CPU[@]}" "$LOADGEN" --url "ws://127.0.0.1:$1/echo" \
               --connections "$2" --window "$WINDOW" --size "$3" --warmup "$WARMUP" --duration "$DURATION" \
               --timeout 30 | grep '^RESULT' || true)
    sed -n 's/.*msgs_per_s=\([0-9]*\).*/\1/p' <<<"$line"
}

echo "# reverse proxy load: node-ws echo server, window $WINDOW, ${WARMUP}s warm-up + ${DURATION}s per run, $ROUNDS rounds"
echo "# $(nproc) cores; server and proxy on ${SERVER_CPU[*]:-any CPU}, loadgen on ${LOADGEN_CPU[*]:-any CPU}"
declare -A RESULTS
CASES=()
for conns in $CONNECTIONS; do CASES+=("$conns:32"); done
CASES+=("$BIG_CONNECTIONS:$BIG_SIZE")
for case in "${CASES[@]}"; do
    conns=${case%%:*} size=${case##*:}
    for round in $(seq "$ROUNDS"); do
        for kind in direct proxied; do
            port=$PORT
            [[ $kind = proxied ]] && port=$PROXY_PORT
            rate=$(run "$port" "$conns" "$size")
            [[ -n $rate ]] || { echo "loadgen failed ($kind, $conns x $size B)" >&2; exit 1; }
            RESULTS[$kind,$case]="${RESULTS[$kind,$case]:-} $rate"
            printf 'round %d  %-8s %3d conn x %5d B  %9d msgs/s\n' "$round" "$kind" "$conns" "$size" "$rate"
        done
    done
done

echo
echo "# medians                          direct      proxied   proxied/direct"
for case in "${CASES[@]}"; do
    conns=${case%%:*} size=${case##*:}
    d=$(median <<<"${RESULTS[direct,$case]}")
    p=$(median <<<"${RESULTS[proxied,$case]}")
    if [[ $size -gt 1024 ]]; then
        awk -v k="$conns" -v s="$size" -v d="$d" -v p="$p" 'BEGIN {
            printf "%3d conn x %5d B (MB/s)     %9.1f    %9.1f   %10.2fx\n", k, s, d * s / 1e6, p * s / 1e6, p / d }'
    else
        awk -v k="$conns" -v s="$size" -v d="$d" -v p="$p" 'BEGIN {
            printf "%3d conn x %5d B (msgs/s)   %9.0f    %9.0f   %10.2fx\n", k, s, d, p, p / d }'
    fi
done
echo "# goal: proxied/direct >= 0.60x"
echo "# proxy session log: $(wc -l <"$WORK/proxy.jsonl") lines, $(stat -c %s "$WORK/proxy.jsonl") bytes"
