#!/usr/bin/env bash
# The window's local test server under a flood (issue 12): build/app/wsinspector starts with
# --serve 127.0.0.1:<port> (echo mode: its own, empty settings) and bench/loadgen drives it with CONNECTIONS
# connections of SIZE-byte text messages, one in flight per connection, for DURATION seconds after WARMUP. The
# log is visible (the first client to arrive is selected, as in the window nothing else is). Meanwhile
# bench/wm_ping.py sends the window manager's _NET_WM_PING every 20 ms and times the answers from outside (until
# 2 s after the load), and the window's RSS is sampled every 0.5 s and read once more when it settled.
# The peers in the same run, for the rate: the same loadgen against `wsinspector-cli serve --mode echo` (the
# same server and recording without a window; its output to /dev/null) and against bench_echo_server --kind bare
# (a plain QWebSocketServer echo, nothing recorded), one after the other, before the window.
# Goals: every ping within 50 ms (issue 12: "the window answering within 50 ms in any flood").
#
#   bench/window_server_flood.sh                                     # 100 x 32 B for 20 s, ./build-bench
#   CONNECTIONS=10 SIZE=65535 BUILD_DIR=build bench/window_server_flood.sh
#   PEERS="cli" bench/window_server_flood.sh      # which peers run: "cli bare" (default), "cli", "bare" or ""
#   WSI_SLOW_TURN_MS=40 WINDOW_STDERR=/tmp/turns.txt bench/window_server_flood.sh   # the window's long turns
#   WM_PING_VERBOSE=/tmp/pings.txt bench/window_server_flood.sh     # every ping's round trip
#   WINDOW=../other/build/app/wsinspector bench/window_server_flood.sh   # another build's window, same peers
#   WINDOW_LIB=/tmp/before bench/window_server_flood.sh   # a folder put first in the window's LD_LIBRARY_PATH: another
#                                                         # libwsi_core.so (a shared-library build), the rest the same
#   CLI_ARGS="--no-frames" bench/window_server_flood.sh   # more arguments for the CLI peer's serve
#   DURING_LOAD=./profile.sh bench/window_server_flood.sh   # run with the window's pid as the load starts
#                                                           # (a perf record of some seconds, say); waited for
#
# Without a DISPLAY it runs itself under xvfb-run (1500x950x24; no window manager, so the pings reach the
# window directly). Needs python3-xlib and xdotool. Its own settings, cache (spill file) and data folders:
# nothing of the user's is read or changed. Nothing is pinned to a core (the window has its GUI thread and
# writer threads; so that the ratio compares like with like, the peers are not pinned either).
# Prints one summary; fails only when a run goes wrong.
set -euo pipefail

if [[ -z "${DISPLAY:-}" ]]; then
    exec xvfb-run -a -s "-screen 0 1500x950x24" "$0" "$@"
fi

CONNECTIONS="${CONNECTIONS:-100}"
SIZE="${SIZE:-32}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-2}"
PEERS="${PEERS-cli bare}"
. "$(dirname "${BASH_SOURCE[0]}")/benchlib.sh"
# shellcheck source=bench/waitport.sh
. "$(dirname "${BASH_SOURCE[0]}")/waitport.sh"

window="${WINDOW:-$BUILD_DIR/app/wsinspector}"
cli="$BUILD_DIR/app/cli/wsinspector-cli"
loadgen="$BUILD_DIR/bench/loadgen"
bare="$BUILD_DIR/bench/bench_echo_server"
bench_require "app/wsinspector app/cli/wsinspector-cli bench/loadgen bench/bench_echo_server" \
    wsinspector wsinspector-cli loadgen bench_echo_server

# Each server holds a descriptor per client, and so does loadgen (same shell).
ulimit -Sn "$(ulimit -Hn)"

window_pid=""
peer_pid=""
window_cleanup() {
    bench_stop "$window_pid" "$peer_pid"
    bench_cleanup
}
trap window_cleanup EXIT

# The echo load on ws://127.0.0.1:$1/; prints loadgen's RESULT line (empty when it failed).
run_load() {
    timeout $((${WARMUP%.*} + ${DURATION%.*} + 90)) "$loadgen" --url "ws://127.0.0.1:$1/flood" \
        --connections "$CONNECTIONS" --window 1 --size "$SIZE" --warmup "$WARMUP" --duration "$DURATION" \
        --timeout 60 2>"$work/loadgen.err" | grep '^RESULT' || true
}
rate_of() { sed -n 's/.*msgs_per_s=\([0-9]*\).*/\1/p' <<<"$1"; }

# Waits (bounded) until something listens on 127.0.0.1:$1.
wait_listening() {
    for _ in $(seq 150); do
        if /usr/bin/python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2).close()' \
            "$1" 2>/dev/null; then
            return 0
        fi
        sleep 0.1
    done
    return 1
}

stop_peer() {
    bench_stop "$peer_pid"
    peer_pid=""
}

# The peers: the same load on the same machine, just before the window.
declare -A peer_rate peer_cpu
for peer in $PEERS; do
    case "$peer" in
    cli)
        # Its output under a 20 s flood is gigabytes of JSON Lines: the lines up to the one that says where it
        # listens are kept, the rest read and dropped through a pipe (the CLI prints as it would to a terminal).
        rm -f "$work/cli.fifo" "$work/cli.out"
        mkfifo "$work/cli.fifo"
        {
            while IFS= read -r line; do
                printf '%s\n' "$line" >>"$work/cli.out"
                [[ "$line" == *'"listening"'* ]] && break
            done
            cat >/dev/null
        } <"$work/cli.fifo" &
        # shellcheck disable=SC2086 # CLI_ARGS is a list of arguments
        "$cli" serve --mode echo --port 0 ${CLI_ARGS:-} >"$work/cli.fifo" 2>"$work/cli.err" &
        peer_pid=$!
        peer_port=""
        for _ in $(seq 100); do
            peer_port="$(sed -n 's/.*"url":"ws:\/\/127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$work/cli.out" 2>/dev/null || true)"
            [[ -n "$peer_port" ]] && break
            sleep 0.1
        done
        [[ -n "$peer_port" ]] || { echo "wsinspector-cli serve did not start: $(cat "$work/cli.err")" >&2; exit 1; }
        ;;
    bare)
        "$bare" --kind bare >"$work/bare.out" 2>"$work/bare.err" &
        peer_pid=$!
        peer_port="$(bench_wait_port "$work/bare.out")"
        [[ -n "$peer_port" ]] || { echo "bench_echo_server did not start: $(cat "$work/bare.err")" >&2; exit 1; }
        ;;
    *)
        echo "unknown peer '$peer' (PEERS takes cli and bare)" >&2
        exit 1
        ;;
    esac
    before="$(cpu_s "$peer_pid")"
    line="$(run_load "$peer_port")"
    peer_cpu[$peer]="$(awk -v a="$(cpu_s "$peer_pid")" -v b="$before" 'BEGIN { printf "%.2f", a - b }')"
    stop_peer
    peer_rate[$peer]="$(rate_of "$line")"
    [[ -n "${peer_rate[$peer]}" ]] || { echo "loadgen failed against the $peer peer: $(tail -2 "$work/loadgen.err")" >&2; exit 1; }
done

# The window: its own settings and cache, on a port nobody holds.
port="$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
mkdir -p "$work/config/WSInspector" "$work/cache" "$work/data"
XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data" \
    LD_LIBRARY_PATH="${WINDOW_LIB:+$WINDOW_LIB:}${LD_LIBRARY_PATH:-}" "$window" --serve "127.0.0.1:$port" >"$work/window.out" 2>"$work/window.err" &
window_pid=$!
win_id="$(timeout 20 xdotool search --sync --onlyvisible --pid "$window_pid" 2>/dev/null | head -1 || true)"
[[ -n "$win_id" ]] || { echo "the window did not show: $(head -c 300 "$work/window.err")" >&2; exit 1; }
wait_listening "$port" || { echo "the window's server does not listen on $port: $(head -c 300 "$work/window.err")" >&2; exit 1; }
sleep 1 # the window settles (first paints) before the pings start
cpu_before="$(cpu_s "$window_pid")"
rss_start="$(rss_mib "$window_pid")"

run_load "$port" >"$work/window.load" &
load_pid=$!
during_pid=""
if [[ -n "${DURING_LOAD:-}" ]]; then
    "$DURING_LOAD" "$window_pid" >&2 &
    during_pid=$!
fi
# Pings go on for 2 s after the load: the window's last batches land then.
(
    while kill -0 "$load_pid" 2>/dev/null; do sleep 0.1; done
    sleep 2
) &
watch_pid=$!
/usr/bin/python3 "$root/bench/wm_ping.py" "$win_id" $((${WARMUP%.*} + ${DURATION%.*} + 120)) 20 --while-pid "$watch_pid" \
    ${WM_PING_VERBOSE:+-v} >"$work/ping.json" 2>"$work/ping.err" &
ping_pid=$!
peak=0
while kill -0 "$load_pid" 2>/dev/null; do
    rss="$(rss_mib "$window_pid")"
    ((rss > peak)) && peak=$rss
    sleep 0.5
done
wait "$load_pid" || true
wait "$ping_pid"
[[ -n "$during_pid" ]] && wait "$during_pid"
window_line="$(cat "$work/window.load")"
window_rate="$(rate_of "$window_line")"
[[ -n "$window_rate" ]] || { echo "loadgen failed against the window: $(tail -2 "$work/loadgen.err")" >&2; exit 1; }
[[ -n "${WM_PING_VERBOSE:-}" ]] && cp "$work/ping.err" "$WM_PING_VERBOSE"
# What the window still does after the last echo (its batch timers, the journal): settled when a second passes
# without CPU.
bench_wait_settled "$window_pid"
rss_after="$(rss_mib "$window_pid")"
((rss_after > peak)) && peak=$rss_after
[[ -n "${WINDOW_STDERR:-}" ]] && cp "$work/window.err" "$WINDOW_STDERR"
cpu_window="$(awk -v a="$(cpu_s "$window_pid")" -v b="$cpu_before" 'BEGIN { printf "%.2f", a - b }')"
# Echoes over the whole load (warm-up included), for the CPU per echo.
echoes_total="$(awk -v r="$window_rate" -v d="$DURATION" -v w="$WARMUP" 'BEGIN { printf "%d", r * (d + w) }')"

ping="$(cat "$work/ping.json")"
field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get(sys.argv[2]))' "$ping" "$1"; }
echo "window_server_flood: connections=$CONNECTIONS size=$SIZE duration=${DURATION}s (+${WARMUP}s warm-up)," \
    "one in flight; window=$window${WINDOW_LIB:+ with $WINDOW_LIB} build=$build_type load: $(cut -d' ' -f1-3 /proc/loadavg)"
peers_text=""
for peer in $PEERS; do
    case "$peer" in cli) name="wsinspector-cli serve" ;; bare) name="bare QWebSocketServer" ;; esac
    peers_text+="$(awk -v n="$name" -v p="${peer_rate[$peer]}" -v w="$window_rate" -v c="${peer_cpu[$peer]}" \
        -v t="$(awk -v d="$DURATION" -v w="$WARMUP" 'BEGIN { print d + w }')" 'BEGIN {
        printf "; %s %.0f echoes/s (%.1f us CPU/echo), window/it %.2fx", n, p, c * 1e6 / (p * t), w / p }')"
done
awk -v w="$window_rate" -v c="$cpu_window" -v n="$echoes_total" -v s="$SIZE" -v rest="$peers_text" 'BEGIN {
    printf "  window: %.0f echoes/s (%.1f MB/s each way, %.2f s CPU, %.1f us CPU/echo)%s\n",
        w, w * s / 1e6, c, c * 1e6 / n, rest }'
echo "  wm_ping: pings=$(field pings) answered=$(field answered) max=$(field max_ms) ms p99=$(field p99_ms) ms" \
    "p50=$(field p50_ms) ms over 50 ms: $(field over_50ms) (goal: 0)"
echo "  window RSS: before the load $rss_start MiB, peak $peak MiB, after $rss_after MiB"
