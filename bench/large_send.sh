#!/usr/bin/env bash
# Event-loop responsiveness while a 64 MiB message is sent and echoed: WS Inspector's Connection against a
# bare QWebSocket, alternating, against node-ws on 127.0.0.1.   bench/large_send.sh [build-dir] [MiB] [rounds]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build-bench}"
mib="${2:-64}"
rounds="${3:-3}"
cmake --build "$build" --target bench_large_send >/dev/null
out="$(mktemp)"
NODE_PATH=/usr/share/nodejs node "$root/tests/peers/ws_server.js" >"$out" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 50); do grep -q '^PORT ' "$out" && break; sleep 0.1; done
port="$(sed -n 's/^PORT \([0-9]*\).*/\1/p' "$out" | head -1)"
QT_NO_GLIB=1 "$build/bench/bench_large_send" "ws://127.0.0.1:$port/" "$mib" "$rounds"
