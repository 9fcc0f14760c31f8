#!/usr/bin/env bash
# The window's reverse proxy under an echo flood (issue 12: "the window answering within 50 ms in any flood"): the
# window is started with `--proxy <a node-ws echo server> --proxy-at PROXY_PORT`, then bench/loadgen sends CONNECTIONS x SIZE-byte messages through the proxy, one in
# flight per connection, for DURATION s, while bench/wm_ping.py sends _NET_WM_PING every 20 ms and times the answers
# from outside (until 2 s after the load). Prints loadgen's rate, the window's CPU and the pings.
# A window built before --proxy existed (e2ac0fe) gets the same through its own settings and two clicks (the Proxy
# toolbar button, then the dock's Start, where a first run puts them on a 1366x768 screen without a window manager).
# Compare builds in alternating runs (WINDOW=<build>/app/wsinspector).
#
# MODE=forward starts the window with `--forward-proxy PROXY_PORT` instead, and the load is node-ws clients
# (bench/node_forward_echo_client.js) tunnelling with CONNECT through it to the same echo server, one in flight each.
#
#   bench/window_proxy_flood.sh                                          # 10 x 65535 B for 10 s, ./build-test
#   MODE=forward bench/window_proxy_flood.sh                             # the same through the forward proxy
#   CONNECTIONS=100 SIZE=32 WINDOW=/other/build/app/wsinspector bench/window_proxy_flood.sh
set -u
if [[ -z "${DISPLAY:-}" ]]; then
    exec xvfb-run -a -s "-screen 0 1366x768x24" "$0" "$@"
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$root/build-test}"
WINDOW="${WINDOW:-$BUILD_DIR/app/wsinspector}"
CONNECTIONS="${CONNECTIONS:-10}"
SIZE="${SIZE:-65535}"
DURATION="${DURATION:-10}"
PROXY_PORT="${PROXY_PORT:-9300}"
MODE="${MODE:-reverse}"
work="$(mktemp -d)"
node_pid=""
win_pid=""
cleanup() {
    [[ -n "$win_pid" ]] && kill "$win_pid" 2>/dev/null
    [[ -n "$node_pid" ]] && kill "$node_pid" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

NODE_PATH=/usr/share/nodejs node "$root/bench/node_echo_server.js" >"$work/node.out" 2>&1 &
node_pid=$!
for _ in $(seq 100); do grep -q PORT "$work/node.out" && break; sleep 0.1; done
node_port="$(awk '/PORT/ { print $2; exit }' "$work/node.out")"
[[ -n "$node_port" ]] || { echo "the node echo server did not start" >&2; exit 1; }

export HOME="$work/home" # the window's own settings, nothing of the user's
mkdir -p "$HOME/.config/WSInspector"
printf '[proxy]\nupstream=ws://127.0.0.1:%s/\nport=%s\n' "$node_port" "$PROXY_PORT" >"$HOME/.config/WSInspector/wsinspector.conf"
if [[ $MODE == forward ]]; then
    "$WINDOW" --forward-proxy "$PROXY_PORT" >"$work/window.err" 2>&1 &
    win_pid=$!
    clicks=0
elif "$WINDOW" --help | grep -q -- '--proxy-at'; then
    "$WINDOW" --proxy "ws://127.0.0.1:$node_port/" --proxy-at "$PROXY_PORT" >"$work/window.err" 2>&1 &
    win_pid=$!
    clicks=0
else
    "$WINDOW" >"$work/window.err" 2>&1 &
    win_pid=$!
    clicks=1
fi
win_id="$(timeout 20 xdotool search --sync --onlyvisible --pid "$win_pid" 2>/dev/null | head -1)"
[[ -n "$win_id" ]] || { echo "the window did not show" >&2; exit 1; }
sleep 3
if [[ $clicks == 1 ]]; then
    xdotool mousemove 960 71 click 1 # Proxy (toolbar)
    sleep 1.5
    xdotool mousemove 915 124 click 1 # the dock's Start
fi
sleep 1.5
cpu_before=$(awk '{ print $14 + $15 }' "/proc/$win_pid/stat")
if [[ $MODE == forward ]]; then
    # The node client counts from the moment every tunnel is open; its rate is what it printed over its seconds.
    (timeout $((DURATION + 60)) env NODE_PATH=/usr/share/nodejs node "$root/bench/node_forward_echo_client.js" \
        "http://127.0.0.1:$PROXY_PORT" "ws://127.0.0.1:$node_port/flood" "$CONNECTIONS" 1 "$SIZE" "$DURATION" \
        2>"$work/loadgen.err" | awk '/^RESULT/ { split($2, m, "="); split($3, s, "=");
            printf "RESULT msgs_per_s=%d messages=%d\n", m[2] / s[2], m[2] }' >"$work/load.txt") &
else
    timeout $((DURATION + 60)) "$BUILD_DIR/bench/loadgen" --url "ws://127.0.0.1:$PROXY_PORT/flood" \
        --connections "$CONNECTIONS" --window 1 --size "$SIZE" --warmup 1 --duration "$DURATION" --timeout 30 \
        2>"$work/loadgen.err" | grep '^RESULT' >"$work/load.txt" &
fi
load_pid=$!
(
    while kill -0 "$load_pid" 2>/dev/null; do sleep 0.1; done
    sleep 2
) &
watch_pid=$!
/usr/bin/python3 "$root/bench/wm_ping.py" "$win_id" $((DURATION + 60)) 20 --while-pid "$watch_pid" >"$work/ping.json" 2>/dev/null
wait "$load_pid"
cpu_after=$(awk '{ print $14 + $15 }' "/proc/$win_pid/stat")
rate="$(sed -n 's/.*msgs_per_s=\([0-9]*\).*/\1/p' "$work/load.txt")"
messages="$(sed -n 's/.*messages=\([0-9]*\).*/\1/p' "$work/load.txt")"
[[ -n "$rate" && "${messages:-0}" -gt 0 ]] || { echo "loadgen failed through the proxy: $(tail -2 "$work/loadgen.err")" >&2; exit 1; }
tick=$(getconf CLK_TCK)
echo "window_proxy_flood: $CONNECTIONS x $SIZE B for ${DURATION}s through the window's $MODE proxy; window=$WINDOW load: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v r="$rate" -v m="$messages" -v c=$((cpu_after - cpu_before)) -v t="$tick" \
    'BEGIN { printf "  window: %d echoes/s, %.2f s CPU, %.0f us CPU/echo\n", r, c / t, c / t * 1e6 / m }'
echo "  wm_ping: $(cat "$work/ping.json")"
