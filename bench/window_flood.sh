#!/usr/bin/env bash
# The window under a flood (issue 12): build/app/wsinspector connects (--connect) to bench/floodsender, which
# writes N pre-built SIZE-byte text frames as fast as the socket takes them, then a Close. The log is visible
# (the new connection is selected). While the flood runs, bench/wm_ping.py sends the window manager's
# _NET_WM_PING every 20 ms and times the answers from outside (until 2 s after the flood); the window's RSS is sampled every 0.5 s and read
# once more when the flood is over. The peer in the same run: a bare QWebSocket client (bench_flood_client)
# against the same sender and N. Goals: every ping within 50 ms, RSS <= 300 MB after 10 M messages.
#
#   bench/window_flood.sh                          # N=1000000, SIZE=32, Release build in ./build-bench
#   N=10000000 BUILD_DIR=build-test bench/window_flood.sh
#   WM_PING_VERBOSE=/tmp/pings.txt bench/window_flood.sh   # also keeps every ping's round trip there
#   WINDOW=../other/build/app/wsinspector bench/window_flood.sh  # another build's window, same sender and peer
#   PAYLOAD_MIB=16 bench/window_flood.sh   # Preferences > payload memory (the window's default is 176): what the rest costs
#   WSI_SLOW_TURN_MS=20 WINDOW_STDERR=/tmp/turns.txt bench/window_flood.sh  # the window's long event-loop turns
#   AFTER_FLOOD=./memory-breakdown.sh bench/window_flood.sh  # runs the command with the window's pid once it settled
#   DISK_LOAD=2 PAYLOAD_MIB=16 bench/window_flood.sh  # 2 other writers on the disk of the window's spill file, as a
#                                                     # flood's journal or another program's: the spill writer falls behind
#
# Without a DISPLAY it runs itself under xvfb-run (1500x950x24; no window manager, so the pings reach the
# window directly). Needs python3-xlib. Its own settings, cache (spill file) and data folders: nothing of the
# user's is read or changed. Prints one summary line; fails only when a run goes wrong.
set -euo pipefail

if [[ -z "${DISPLAY:-}" ]]; then
    exec xvfb-run -a -s "-screen 0 1500x950x24" "$0" "$@"
fi

N="${N:-1000000}"
SIZE="${SIZE:-32}"
. "$(dirname "${BASH_SOURCE[0]}")/benchlib.sh"

window="${WINDOW:-$BUILD_DIR/app/wsinspector}"
sender="$BUILD_DIR/bench/floodsender"
bare="$BUILD_DIR/bench/bench_flood_client"
bench_require "app/wsinspector bench/floodsender bench/bench_flood_client" wsinspector floodsender bench_flood_client

window_pid=""
sender_pid=""
disk_pids=()
window_cleanup() {
    bench_stop "$window_pid" "$sender_pid" "${disk_pids[@]}"
    bench_cleanup
}
trap window_cleanup EXIT

# Starts floodsender for one client; sets sender_pid and sender_port. $1: delay before the flood (ms).
start_sender() {
    # Emptied here, not by the redirection below: that happens in the child, maybe after the first look for the port,
    # which then found the previous sender's (a window left connecting to a closed port, under load).
    : >"$work/sender.out"
    "$sender" --count "$N" --size "$SIZE" --clients 1 --delay-ms "$1" >"$work/sender.out" 2>"$work/sender.err" &
    sender_pid=$!
    sender_port=""
    for _ in $(seq 100); do
        sender_port="$(sed -n 's/^PORT \([0-9]*\)$/\1/p' "$work/sender.out")"
        [[ -n "$sender_port" ]] && return 0
        sleep 0.1
    done
    echo "floodsender did not start: $(cat "$work/sender.err")" >&2
    exit 1
}

# The peer: a bare QWebSocket client's receive rate from the same sender.
start_sender 0
"$bare" "ws://127.0.0.1:$sender_port/" 600000 >"$work/bare.out"
wait "$sender_pid"
sender_pid=""
bare_rate="$(sed -n 's/.*msgs_per_s=\([0-9]*\).*/\1/p' "$work/bare.out")"
bare_got="$(sed -n 's/.*messages=\([0-9]*\).*/\1/p' "$work/bare.out")"
[[ "$bare_got" == "$N" ]] || { echo "the bare client received $bare_got messages, expected $N" >&2; exit 1; }

# The window: its own settings and cache, the flood held back 2 s so that wm_ping has found the window.
mkdir -p "$work/config/WSInspector" "$work/cache" "$work/data"
if [[ -n "${PAYLOAD_MIB:-}" ]]; then
    printf '[memory]\npayloadMiB=%d\n' "$PAYLOAD_MIB" >"$work/config/WSInspector/wsinspector.conf"
fi
start_sender 2000
# DISK_LOAD=<n>: n writers rewriting 1 GiB each with O_DIRECT in the window's cache folder (the spill file's disk) until
# the flood is over, so that the disk is shared as when a flood's journal or another program writes (issue 12: the
# window's wait for the spill writer once held a turn 845 ms). Started with the window, so both builds meet the same.
for ((i = 0; i < ${DISK_LOAD:-0}; i++)); do
    (
        trap 'kill $dd 2>/dev/null; exit 0' TERM # stopped mid-write too: the next run's disk is its own
        while :; do
            dd if=/dev/zero of="$work/cache/diskload$i" bs=8M count=128 oflag=direct conv=notrunc 2>/dev/null &
            dd=$!
            wait $dd
        done
    ) &
    disk_pids+=($!)
done
XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data" \
    "$window" --connect "ws://127.0.0.1:$sender_port/" >"$work/window.out" 2>"$work/window.err" &
window_pid=$!
win_id="$(timeout 20 xdotool search --sync --onlyvisible --pid "$window_pid" 2>/dev/null | head -1 || true)"
[[ -n "$win_id" ]] || { echo "the window did not show: $(head -c 300 "$work/window.err")" >&2; exit 1; }
cpu_before="$(cpu_s "$window_pid")"
rss_start="$(rss_mib "$window_pid")"
# Pings go on for 2 s after the sender is done: the window's last batches land then.
(
    while kill -0 "$sender_pid" 2>/dev/null; do sleep 0.1; done
    sleep 2
) &
watch_pid=$!
/usr/bin/python3 "$root/bench/wm_ping.py" "$win_id" 900 20 --while-pid "$watch_pid" ${WM_PING_VERBOSE:+-v} \
    >"$work/ping.json" 2>"$work/ping.err" &
ping_pid=$!
peak=0
while kill -0 "$sender_pid" 2>/dev/null; do
    rss="$(rss_mib "$window_pid")"
    ((rss > peak)) && peak=$rss
    sleep 0.5
done
wait "$sender_pid" || { echo "floodsender failed: $(cat "$work/sender.err")" >&2; exit 1; }
sender_pid=""
wait "$ping_pid"
bench_stop "${disk_pids[@]}"
disk_pids=()
[[ -n "${WM_PING_VERBOSE:-}" ]] && cp "$work/ping.err" "$WM_PING_VERBOSE"
# What the window still does after the last frame (its batch timers): settled when a second passes without CPU.
bench_wait_settled "$window_pid"
rss_after="$(rss_mib "$window_pid")"
((rss_after > peak)) && peak=$rss_after
# AFTER_FLOOD=<command>: run with the window's pid once it settled (a memory breakdown with gdb, say).
[[ -n "${AFTER_FLOOD:-}" ]] && "$AFTER_FLOOD" "$window_pid" >&2
[[ -n "${WINDOW_STDERR:-}" ]] && cp "$work/window.err" "$WINDOW_STDERR"
cpu_window="$(awk -v a="$(cpu_s "$window_pid")" -v b="$cpu_before" 'BEGIN { printf "%.2f", a - b }')"
window_rate="$(sed -n 's/^DONE .*msgs_per_s=\([0-9]*\).*/\1/p' "$work/sender.err")"
window_s="$(sed -n 's/^DONE .*seconds=\([0-9.]*\).*/\1/p' "$work/sender.err")"

ping="$(cat "$work/ping.json")"
field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get(sys.argv[2]))' "$ping" "$1"; }
echo "window_flood: n=$N size=$SIZE payload_mib=${PAYLOAD_MIB:-176 (default)} disk_load=${DISK_LOAD:-0} window=$window build=$build_type load: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v w="$window_rate" -v s="$window_s" -v c="$cpu_window" -v b="$bare_rate" -v n="$N" 'BEGIN {
    printf "  window: %.2f M msgs/s (%.2f s, %.2f s CPU, %.2f us CPU/msg); bare QWebSocket: %.2f M msgs/s; ratio %.2f\n",
        w / 1e6, s, c, c * 1e6 / n, b / 1e6, w / b }'
echo "  wm_ping: pings=$(field pings) answered=$(field answered) max=$(field max_ms) ms p99=$(field p99_ms) ms" \
    "p50=$(field p50_ms) ms over 50 ms: $(field over_50ms) (goal: 0)"
echo "  window RSS: before the flood $rss_start MiB, peak $peak MiB, after $N messages $rss_after MiB" \
    "(goal after 10 M: <= 300 MB)"
