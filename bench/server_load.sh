#!/usr/bin/env bash
# Load on the local test server, in one run, with one load generator (bench/loadgen.cpp) for all servers:
#  1. echo messages/s of our server with capture (LocalServer: the front relay serving and recording),
#     a bare QWebSocketServer echo and a node-ws echo server, for 1 and 100 connections, 32-byte text
#     messages, WINDOW messages in flight per connection; the three servers alternate over ROUNDS rounds;
#     medians and ratios (goals: capture >= 1.0x node-ws and >= 0.9x bare Qt);
#  2. IDLE_CLIENTS idle clients against each server: time to accept them all, RSS per client.
# Environment: ROUNDS, WINDOW, SIZE, WARMUP, DURATION, CONNECTIONS ("1 100"; "" skips the echo part),
# IDLE_CLIENTS, IDLE_KINDS ("capture bare node"; "" skips the idle part), IDLE_CONCURRENCY, IDLE_TIMEOUT.
# Builds nothing: expects a Release build directory with loadgen and bench_echo_server, e.g.
#   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release
#   ninja -C build-bench loadgen bench_echo_server
#   bench/server_load.sh build-bench
# Only 127.0.0.1. The server runs on CPU 0 and the load generator on CPU 1 (when taskset exists), so each
# server gets one core. Every loop is bounded, and every server is stopped on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/waitport.sh
. "$ROOT/bench/waitport.sh"
BUILD=${1:-build-bench}
[[ $BUILD = /* ]] || BUILD=$ROOT/$BUILD
LOADGEN=$BUILD/bench/loadgen
ECHO_SERVER=$BUILD/bench/bench_echo_server
NODE_SERVER=$ROOT/bench/node_echo_server.js
ROUNDS=${ROUNDS:-3}
WINDOW=${WINDOW:-16}
SIZE=${SIZE:-32}
WARMUP=${WARMUP:-2}
DURATION=${DURATION:-5}
CONNECTIONS=${CONNECTIONS-"1 100"}
IDLE_CLIENTS=${IDLE_CLIENTS:-10000}
IDLE_KINDS=${IDLE_KINDS-"capture bare node"}
IDLE_TIMEOUT=${IDLE_TIMEOUT:-300}
IDLE_CONCURRENCY=${IDLE_CONCURRENCY:-500}
KINDS="capture bare node"

for f in "$LOADGEN" "$ECHO_SERVER"; do
    [[ -x $f ]] || { echo "missing $f: build it first (see the top of $0)" >&2; exit 2; }
done
command -v node >/dev/null || { echo "node is missing (Debian's nodejs and node-ws)" >&2; exit 2; }
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}

SERVER_CPU=() LOADGEN_CPU=()
if command -v taskset >/dev/null && [[ $(nproc) -ge 2 ]]; then
    SERVER_CPU=(taskset -c 0) LOADGEN_CPU=(taskset -c 1)
fi

# Every server holds 1 descriptor per client and the load generator (same shell) as many: raise the hard
# limit when allowed (root), and the soft limit to the hard one, so that 10,000 idle clients fit.
ulimit -Hn 65536 2>/dev/null || true
ulimit -Sn "$(ulimit -Hn)"

WORK=$(mktemp -d /tmp/wsi-server-load.XXXXXX)
SERVER_PID=""
LOADGEN_PID=""
cleanup() {
    [[ -n $LOADGEN_PID ]] && kill -KILL "$LOADGEN_PID" 2>/dev/null || true
    if [[ -n $SERVER_PID ]]; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_server KIND: sets SERVER_PID and PORT.
start_server() {
    local kind=$1
    : >"$WORK/server.out"
    if [[ $kind = node ]]; then
        "${SERVER_CPU[@]}" node "$NODE_SERVER" >"$WORK/server.out" 2>"$WORK/server.err" &
    else
        "${SERVER_CPU[@]}" "$ECHO_SERVER" --kind "$kind" >"$WORK/server.out" 2>"$WORK/server.err" &
    fi
    SERVER_PID=$!
    PORT="$(bench_wait_port "$WORK/server.out" "$SERVER_PID")"
    [[ -n $PORT ]] && return 0
    echo "the $kind server did not start:" >&2
    cat "$WORK/server.err" >&2
    exit 1
}

stop_server() {
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "# server load: window $WINDOW, ${SIZE}-byte text, ${WARMUP}s warm-up + ${DURATION}s per run, $ROUNDS rounds"
echo "# $(nproc) cores; server on ${SERVER_CPU[*]:-any CPU}, loadgen on ${LOADGEN_CPU[*]:-any CPU}; open files $(ulimit -Sn)"
declare -A RESULTS
for conns in $CONNECTIONS; do
    for round in $(seq "$ROUNDS"); do
        for kind in $KINDS; do
            start_server "$kind"
            line=$(timeout $((WARMUP + DURATION + 60)) "${LOADGEN_CPU[@]}" "$LOADGEN" --url "ws://127.0.0.1:$PORT/echo" \
                       --connections "$conns" --window "$WINDOW" --size "$SIZE" --warmup "$WARMUP" \
                       --duration "$DURATION" --timeout 30 | grep '^RESULT' || true)
            stop_server
            rate=$(sed -n 's/.*msgs_per_s=\([0-9]*\).*/\1/p' <<<"$line")
            [[ -n $rate ]] || { echo "loadgen failed against $kind with $conns connection(s)" >&2; exit 1; }
            RESULTS[$kind,$conns]="${RESULTS[$kind,$conns]:-} $rate"
            printf 'round %d  %-7s  %3d conn  %9d msgs/s   (%s)\n' "$round" "$kind" "$conns" "$rate" \
                "$(sed 's/^RESULT //' <<<"$line")"
        done
    done
done

if [[ -n ${CONNECTIONS// /} ]]; then
    echo
    echo "# echo medians (msgs/s)            capture       bare       node   capture/node  capture/bare"
    for conns in $CONNECTIONS; do
        c=$(median <<<"${RESULTS[capture,$conns]}")
        b=$(median <<<"${RESULTS[bare,$conns]}")
        n=$(median <<<"${RESULTS[node,$conns]}")
        awk -v k="$conns" -v c="$c" -v b="$b" -v n="$n" 'BEGIN {
            printf "%3d connection(s) x %d B        %9.0f  %9.0f  %9.0f   %10.2fx   %10.2fx\n", k, '"$SIZE"', c, b, n, c / n, c / b }'
    done
    echo "# goals: capture/node >= 1.00x, capture/bare >= 0.90x"
fi

[[ -n ${IDLE_KINDS// /} ]] || exit 0
echo
echo "# $IDLE_CLIENTS idle clients ($IDLE_CONCURRENCY handshakes in flight at a time; accept time = first connect to last 101)"
for kind in $IDLE_KINDS; do
    start_server "$kind"
    sleep 0.5
    before=$(rss_kb "$SERVER_PID")
    "${LOADGEN_CPU[@]}" "$LOADGEN" --url "ws://127.0.0.1:$PORT/idle" --idle "$IDLE_CLIENTS" --duration 5 \
        --concurrency "$IDLE_CONCURRENCY" --timeout "$IDLE_TIMEOUT" >"$WORK/idle.out" 2>"$WORK/idle.err" &
    LOADGEN_PID=$!
    ready=""
    for _ in $(seq $((IDLE_TIMEOUT * 10 + 100))); do
        ready=$(grep '^READY' "$WORK/idle.out" || true)
        [[ -n $ready ]] && break
        kill -0 "$LOADGEN_PID" 2>/dev/null || break
        sleep 0.1
    done
    if [[ -n $ready ]]; then
        sleep 1 # let the server finish its bookkeeping for the last clients
        after=$(rss_kb "$SERVER_PID")
    fi
    wait "$LOADGEN_PID" 2>/dev/null || true
    LOADGEN_PID=""
    stop_server
    if [[ -z $ready ]]; then
        printf '%-7s  FAILED: %s\n' "$kind" "$(tail -1 "$WORK/idle.err")"
        continue
    fi
    clients=$(sed -n 's/.*clients=\([0-9]*\).*/\1/p' <<<"$ready")
    seconds=$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' <<<"$ready")
    awk -v k="$kind" -v n="$clients" -v s="$seconds" -v b="$before" -v a="$after" 'BEGIN {
        printf "%-7s  %5d clients accepted in %7.2f s   RSS %6.1f MB -> %6.1f MB   %5.1f KB per client\n",
               k, n, s, b / 1024, a / 1024, (a - b) / n }'
done
