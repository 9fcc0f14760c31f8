#!/usr/bin/env bash
# The flood benchmark: N small text messages from one sender, received by a bare QWebSocket client
# (bench_flood_client) and by `wsinspector-cli connect` (every frame decoded, stored and printed as JSON
# Lines to /dev/null; with frames and with --no-frames), in the same run, alternating, ROUNDS rounds each.
# Prints medians and the throughput ratio cli/bare (goal, issue 12: >= 0.8). Numbers only; it fails only if a
# run goes wrong (wrong count, bad exit code, the CLI not stopping when the sender closes).
#
#   bench/flood.sh                      # n=200000, size=32, 5 rounds, raw-socket sender, Release build in ./build-bench
#   N=1000000 ROUNDS=3 BUILD_DIR=build bench/flood.sh
#   BEFORE=/work/main/build-test N=1000000 BUILD_DIR=build bench/flood.sh   # also that build's CLI, alternating
#   SENDER=node bench/flood.sh          # the node-ws server (tops out near 1.8 M msgs/s idle, far less when busy)
#   URL=ws://127.0.0.1:9000/ N=200000 bench/flood.sh   # another flood server that sends N messages, then closes
#
# SENDER=raw (the default) is bench/floodsender: pre-built frames written in large blocks, faster than any
# receiver here, serving one client per run in turn; so the figures are the receivers' own limits. Its own
# clock (first frame to the client's Close, "receive" below) leaves out each process's start-up.
# With taskset and 2+ cores the sender runs on CPU 0 and every receiver on CPU 1 (SENDER_CPU, RECEIVER_CPU).
set -euo pipefail

N="${N:-200000}"
SIZE="${SIZE:-32}"
ROUNDS="${ROUNDS:-5}"
SENDER="${SENDER:-raw}"
# How long a receiver may take: the CLI closes by itself this long after it opened, so a run that long did not
# stop on the sender's Close.
wait_ms="${WAIT_MS:-600000}"
BEFORE="${BEFORE:-}"
. "$(dirname "${BASH_SOURCE[0]}")/benchlib.sh"

bare="$BUILD_DIR/bench/bench_flood_client"
cli="$BUILD_DIR/app/cli/wsinspector-cli"
bench_require "bench/bench_flood_client bench/floodsender app/cli/wsinspector-cli" bench_flood_client floodsender \
    wsinspector-cli
cli_before=""
if [[ -n "$BEFORE" ]]; then
    cli_before="$BEFORE/app/cli/wsinspector-cli"
    [[ -x "$cli_before" ]] || { echo "no $cli_before" >&2; exit 2; }
fi

sender_cpu=() receiver_cpu=()
if command -v taskset >/dev/null && [[ $(nproc) -ge 2 ]]; then
    sender_cpu=(taskset -c "${SENDER_CPU:-0}") receiver_cpu=(taskset -c "${RECEIVER_CPU:-1}")
fi

if [[ -n "${URL:-}" ]]; then
    url="$URL"
    server="external"
elif [[ "$SENDER" == node ]]; then
    server="node-ws"
    bench_start_node "$root/tests/peers/ws_server.js" "the node-ws server"
    url="ws://127.0.0.1:$port/flood?n=$N&size=$SIZE"
elif [[ "$SENDER" == raw ]]; then
    server="floodsender"
    # Serves clients one after the other until killed (on exit, by benchlib).
    bench_start_server "the raw-socket sender" "${sender_cpu[@]}" "$BUILD_DIR/bench/floodsender" --count "$N" \
        --size "$SIZE" --clients 0
    url="ws://127.0.0.1:$port/flood"
else
    echo "SENDER is raw or node, not '$SENDER'" >&2
    exit 2
fi

now_ns() { date +%s%N; }

# How many clients the raw sender has seen through to their Close ("DONE" lines on its stderr).
sender_done_count() { grep -c '^DONE ' "$work/server.err" || true; }
# The receive time of the run that just ended, from the raw sender's clock; empty with another sender. The sender
# prints its line once the client's Close came, which is before the client process exits: a bounded wait suffices.
sender_seconds() {
    [[ "$server" == floodsender ]] || return 0
    local want="$1"
    for _ in $(seq 50); do
        if [[ "$(sender_done_count)" -ge "$want" ]]; then
            grep '^DONE ' "$work/server.err" | sed -n "${want}s/.*seconds=\([0-9.]*\).*/\1/p"
            return 0
        fi
        sleep 0.1
    done
    echo "the raw sender did not report the end of run $want: $(tail -n 3 "$work/server.err")" >&2
    exit 1
}
runs_done=0

# One check run per CLI, not timed: it must see every message, a clean close, and stop by itself.
check_cli() {
    # Counted on the fly: 10 M messages are 4 GB of lines, which need not touch the disk.
    "$1" connect "$url" --wait-ms "$wait_ms" --timeout-ms "$wait_ms" \
        | awk '/"dir":"in","event":"message"/ { n++ } { before = last; last = $0 } END { print n + 0; print before; print last }' \
            >"$work/check.txt"
    runs_done=$((runs_done + 1))
    sender_seconds "$runs_done" >/dev/null
    received="$(head -n 1 "$work/check.txt")"
    if [[ "$received" != "$N" ]]; then
        echo "check failed: $1 printed $received incoming messages, expected $N" >&2
        exit 1
    fi
    if ! tail -n 2 "$work/check.txt" | grep -q '"event":"close"'; then
        echo "check failed: the output of $1 does not end with the closing handshake" >&2
        exit 1
    fi
}
check_cli "$cli"
[[ -z "$cli_before" ]] || check_cli "$cli_before"

# Per contestant: wall seconds of the process (start-up included), CPU seconds (user + system), the receive
# time (the raw sender's clock; the bare client's own with another sender) and the peak RSS (GNU time's %M).
declare -A wall cpu_s recv rss
# Runs one contestant; appends to its lists. Wall time is what the goal is about; CPU time is the receiver's own
# cost, which a busy machine or a slow sender does not hide.
run_timed() {
    local name="$1"
    shift
    local start end status=0 elapsed cpu received peak out=/dev/null
    # The bare client prints one line to check; the CLI's JSON Lines (hundreds of MB) go nowhere, not to a disk.
    [[ "$name" != bare ]] || out="$work/$name.out"
    start="$(now_ns)"
    "${receiver_cpu[@]}" /usr/bin/time -f '%U %S %M' -o "$work/$name.time" "$@" >"$out" 2>"$work/$name.err" || status=$?
    end="$(now_ns)"
    runs_done=$((runs_done + 1))
    if [[ $status -ne 0 ]]; then
        echo "$name exited with $status: $(head -c 300 "$work/$name.err")" >&2
        exit 1
    fi
    elapsed="$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", (e - s) / 1e9 }')"
    cpu="$(awk '{ printf "%.2f", $1 + $2 }' "$work/$name.time")"
    peak="$(awk '{ printf "%.1f", $3 / 1024 }' "$work/$name.time")"
    received="$(sender_seconds "$runs_done")"
    if [[ "$name" == bare ]]; then
        got="$(sed -n 's/.*messages=\([0-9]*\).*/\1/p' "$work/bare.out")"
        if [[ "$got" != "$N" ]]; then
            echo "bare client received $got messages, expected $N" >&2
            exit 1
        fi
        [[ -n "$received" ]] || received="$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' "$work/bare.out")"
    elif awk -v v="$elapsed" -v w="$wait_ms" 'BEGIN { exit !(v >= w / 1000 - 1) }'; then
        # The CLI waits up to --wait-ms for the sender; a run near that long means it did not stop on the close.
        echo "$name took ${elapsed}s: it did not stop when the sender closed" >&2
        exit 1
    fi
    wall[$name]+="$elapsed "
    cpu_s[$name]+="$cpu "
    recv[$name]+="${received:-0} "
    rss[$name]+="$peak "
    printf '  %-14s %8ss  receive %8ss  cpu %6ss  peak RSS %7s MiB\n' "$name" "$elapsed" "${received:--}" "$cpu" "$peak"
}

names=(bare cli cli_nf)
[[ -z "$cli_before" ]] || names+=(before before_nf)
echo "flood: n=$N size=$SIZE rounds=$ROUNDS sender=$server build=$build_type${BEFORE:+ before=$BEFORE}" \
    "pinned: ${sender_cpu[*]:-no} / ${receiver_cpu[*]:-no} load: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$ROUNDS"); do
    echo "round $round:"
    run_timed bare "$bare" "$url" "$wait_ms"
    run_timed cli "$cli" connect "$url" --wait-ms "$wait_ms" --timeout-ms "$wait_ms"
    if [[ -n "$cli_before" ]]; then
        run_timed before "$cli_before" connect "$url" --wait-ms "$wait_ms" --timeout-ms "$wait_ms"
    fi
    run_timed cli_nf "$cli" connect "$url" --wait-ms "$wait_ms" --timeout-ms "$wait_ms" --no-frames
    if [[ -n "$cli_before" ]]; then
        run_timed before_nf "$cli_before" connect "$url" --wait-ms "$wait_ms" --timeout-ms "$wait_ms" --no-frames
    fi
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# shellcheck disable=SC2086 # the lists are space-separated numbers
m_wall_bare="$(median ${wall[bare]})"
m_recv_bare="$(median ${recv[bare]})"
echo "medians over the rounds, $N messages (wall: the whole process, start-up included; receive: first frame to" \
    "the client's Close):"
declare -A label=([bare]="bare QWebSocket client" [cli]="wsinspector-cli" [cli_nf]="wsinspector-cli --no-frames"
    [before]="before: wsinspector-cli" [before_nf]="before: --no-frames")
for name in "${names[@]}"; do
    # shellcheck disable=SC2086
    awk -v n="$N" -v what="${label[$name]}" -v w="$(median ${wall[$name]})" -v r="$(median ${recv[$name]})" \
        -v c="$(median ${cpu_s[$name]})" -v m="$(median ${rss[$name]})" -v bw="$m_wall_bare" -v br="$m_recv_bare" 'BEGIN {
        printf "  %-28s wall %7.3f s %9.0f msgs/s (%.2fx bare)", what, w, n / w, bw / w
        if (r > 0 && br > 0)
            printf "  receive %7.3f s %9.0f msgs/s (%.2fx bare)", r, n / r, br / r
        printf "  cpu %.2f s, %.2f us/msg  peak RSS %.1f MiB\n", c, c * 1e6 / n, m
    }'
done
echo "goal (issue 12): wsinspector-cli >= 0.80x the bare client's rate"
