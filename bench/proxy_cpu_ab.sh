#!/usr/bin/env bash
# The CLI proxy's own cost per echo, two builds alternating (before/after a change, on a shared machine where
# throughput ratios move with other people's load): a node-ws echo server, `wsinspector-cli proxy --no-frames` in
# front of it writing its session log to /tmp, and loadgen's 10 connections x 65535-byte echoes for DURATION
# seconds. Around each run it reads the proxy's /proc/<pid>/stat: user and system CPU time and minor page faults,
# printed per echo. A and B alternate over ROUNDS rounds (the order flips every other round); medians at the end.
#   bench/proxy_cpu_ab.sh /work/main/build-test build
# Environment: ROUNDS (3), DURATION (8), CONNECTIONS (10), SIZE (65535), PROXY_ARGS (more proxy arguments, e.g.
# "--hold out:^never" to measure the rules' path: every message gathered, settled and let go). MODE=forward measures
# the forward proxy instead (`wsinspector-cli proxy` without --to; its CA in a scratch data folder): node-ws clients
# (bench/node_forward_echo_client.js) tunnel with CONNECT through it to the same echo server, WINDOW (16) messages in
# flight each. Only 127.0.0.1; every process it starts is stopped on exit; every wait is bounded.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
A=${1:?usage: $0 BUILD_A BUILD_B}
B=${2:?usage: $0 BUILD_A BUILD_B}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8}
CONNECTIONS=${CONNECTIONS:-10}
SIZE=${SIZE:-65535}
MODE=${MODE:-reverse}
WINDOW=${WINDOW:-16}
read -r -a EXTRA <<<"${PROXY_ARGS:-}"
LOADGEN=$A/bench/loadgen # the same load generator for both
for f in "$LOADGEN" "$A/app/cli/wsinspector-cli" "$B/app/cli/wsinspector-cli"; do
    [[ -x $f ]] || { echo "missing $f" >&2; exit 2; }
done
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
TICK=$(getconf CLK_TCK)
WORK=$(mktemp -d /tmp/wsi-proxy-cpu.XXXXXX)
SERVER_PID="" PROXY_PID=""
# Always succeeds: under set -e a failing command in the EXIT trap ended the trap there, so `stop ""` (no proxy
# running) left the node server behind. The proxy is started by this shell, never in a subshell, so that its PID
# is known here.
stop() {
    if [[ -n $1 ]]; then
        kill -TERM "$1" 2>/dev/null || true
        wait "$1" 2>/dev/null || true
    fi
    return 0
}
cleanup() {
    stop "$PROXY_PID"
    stop "$SERVER_PID"
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM # runs the EXIT trap

# wait_for FILE AWK-PROGRAM: the first match within 10 s.
wait_for() {
    local found
    for _ in $(seq 100); do
        found=$(awk "$2" "$1" 2>/dev/null)
        [[ -n $found ]] && { echo "$found"; return 0; }
        sleep 0.1
    done
    return 1
}

node "$ROOT/bench/node_echo_server.js" >"$WORK/server.out" 2>/dev/null &
SERVER_PID=$!
PORT=$(wait_for "$WORK/server.out" '$1 == "PORT" { print $2; exit }') || { echo "no node server" >&2; exit 1; }

# measure BUILD: prints "echoes user_us_per_echo total_us_per_echo faults_per_echo main_us_per_echo" (main: the
# main thread's own user+system CPU, the window's GUI thread in the app: what the proxy costs the thread that must
# answer the window manager, issue 12). Called in this shell (not in a
# command substitution) so that PROXY_PID is this shell's while the proxy runs.
measure() {
    # The proxy's shell opens (truncates) the file only once it runs: the previous run's "listening" line must not
    # be read meanwhile (that proxy is gone: "connection refused").
    rm -f "$WORK/proxy.jsonl"
    local proxy_port
    if [[ $MODE = forward ]]; then
        XDG_DATA_HOME=$WORK/data "$1/app/cli/wsinspector-cli" proxy --no-frames --session-budget-mb 64 \
            "${EXTRA[@]}" </dev/null >"$WORK/proxy.jsonl" 2>/dev/null &
        PROXY_PID=$!
        proxy_port=$(wait_for "$WORK/proxy.jsonl" \
            'match($0, /"proxy":"http:\/\/127\.0\.0\.1:[0-9]+/) { s = substr($0, RSTART, RLENGTH); sub(/.*:/, "", s); print s; exit }') \
            || { echo "the proxy did not start" >&2; exit 1; }
    else
        "$1/app/cli/wsinspector-cli" proxy --to "ws://127.0.0.1:$PORT/" --no-frames --session-budget-mb 64 \
            "${EXTRA[@]}" </dev/null >"$WORK/proxy.jsonl" 2>/dev/null &
        PROXY_PID=$!
        proxy_port=$(wait_for "$WORK/proxy.jsonl" \
            'match($0, /"url":"ws:\/\/127\.0\.0\.1:[0-9]+/) { s = substr($0, RSTART, RLENGTH); sub(/.*:/, "", s); print s; exit }') \
            || { echo "the proxy did not start" >&2; exit 1; }
    fi
    local before after result
    before=$(awk '{ print $10, $14, $15 }' "/proc/$PROXY_PID/stat")
    local main_before main_after
    main_before=$(awk '{ print $14 + $15 }' "/proc/$PROXY_PID/task/$PROXY_PID/stat")
    if [[ $MODE = forward ]]; then
        result=$(timeout $((DURATION + 60)) node "$ROOT/bench/node_forward_echo_client.js" "http://127.0.0.1:$proxy_port" \
            "ws://127.0.0.1:$PORT/echo" "$CONNECTIONS" "$WINDOW" "$SIZE" "$DURATION" | grep '^RESULT' || true)
    else
        result=$(timeout $((DURATION + 60)) "$LOADGEN" --url "ws://127.0.0.1:$proxy_port/echo" --connections "$CONNECTIONS" \
            --window 16 --size "$SIZE" --warmup 0 --duration "$DURATION" --timeout 30 | grep '^RESULT' || true)
    fi
    after=$(awk '{ print $10, $14, $15 }' "/proc/$PROXY_PID/stat")
    main_after=$(awk '{ print $14 + $15 }' "/proc/$PROXY_PID/task/$PROXY_PID/stat")
    stop "$PROXY_PID"
    PROXY_PID=""
    awk -v b="$before" -v a="$after" -v t="$TICK" -v r="$result" -v mb="$main_before" -v ma="$main_after" 'BEGIN {
        split(b, x, " "); split(a, y, " ");
        match(r, /messages=[0-9]+/); m = substr(r, RSTART + 9, RLENGTH - 9) + 0;
        if (m == 0) { print "0 0 0 0 0"; exit }
        printf "%d %.0f %.0f %.1f %.0f\n", m, (y[2] - x[2]) / t * 1e6 / m, (y[2] + y[3] - x[2] - x[3]) / t * 1e6 / m,
            (y[1] - x[1]) / m, (ma - mb) / t * 1e6 / m }'
}

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "# $MODE proxy CPU per echo: $CONNECTIONS x $SIZE B, ${DURATION}s per run, $ROUNDS rounds; A=$A B=$B ${PROXY_ARGS:-}"
declare -A USER TOTAL FAULTS MAIN
for round in $(seq "$ROUNDS"); do
    order="A B"
    (( round % 2 == 0 )) && order="B A"
    for who in $order; do
        dir=$A
        [[ $who = B ]] && dir=$B
        measure "$dir" >"$WORK/measured"
        read -r echoes user total faults main <"$WORK/measured"
        printf 'round %d %s  echoes %7d  user %5d us/echo  user+sys %5d us/echo  main thread %5d us/echo  minor faults %5.1f/echo  load %s\n' \
            "$round" "$who" "$echoes" "$user" "$total" "$main" "$faults" "$(cut -d' ' -f1 /proc/loadavg)"
        USER[$who]="${USER[$who]:-} $user" TOTAL[$who]="${TOTAL[$who]:-} $total" FAULTS[$who]="${FAULTS[$who]:-} $faults"
        MAIN[$who]="${MAIN[$who]:-} $main"
    done
done
for who in A B; do
    printf 'median %s  user %s us/echo  user+sys %s us/echo  main thread %s us/echo  minor faults %s/echo\n' "$who" \
        "$(median <<<"${USER[$who]}")" "$(median <<<"${TOTAL[$who]}")" "$(median <<<"${MAIN[$who]}")" \
        "$(median <<<"${FAULTS[$who]}")"
done
