#!/usr/bin/env bash
# The test server's memory under an echo flood: `wsinspector-cli serve --mode echo` with CONNECTIONS clients
# sending SIZE-byte messages, one in flight each, for SECONDS; prints the server's RSS every few seconds and
# its echo rate. Run it for two builds (e.g. before and after a change) in the same session and compare.
#   bench/memory_flood.sh BUILD_DIR [SECONDS] [CONNECTIONS] [SIZE]
# Prints: "rss t=<s> <MiB> MiB" lines, then "<build>: <msgs/s> msgs/s, <MB/s> MB/s, peak RSS <MiB> MiB".
# Only 127.0.0.1; server on CPU 0 and load generator on CPU 1 (when taskset exists); bounded; cleans up.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:?build directory}
SECONDS_RUN=${2:-30}
CONNS=${3:-10}
SIZE=${4:-65535} # the load generator sends 16-bit length frames: 64 KiB less one byte
[[ $BUILD = /* ]] || BUILD=$ROOT/$BUILD
SERVER_CPU=() LOADGEN_CPU=()
if command -v taskset >/dev/null && [[ $(nproc) -ge 2 ]]; then
    SERVER_CPU=(taskset -c 0) LOADGEN_CPU=(taskset -c 1)
fi
WORK=$(mktemp -d /tmp/wsi-memory-flood.XXXXXX)
SERVER_PID=""
cleanup() {
    [[ -n $SERVER_PID ]] && kill -KILL "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
# The spill file goes to the cache folder: keep it in this run's folder.
XDG_CACHE_HOME=$WORK "${SERVER_CPU[@]}" "$BUILD/app/cli/wsinspector-cli" serve --mode echo --port 0 --no-frames \
    >"$WORK/server.jsonl" 2>"$WORK/server.err" &
SERVER_PID=$!
URL=""
for _ in $(seq 100); do
    URL=$(sed -n 's/.*"event":"listening".*"url":"\([^"]*\)".*/\1/p' "$WORK/server.jsonl" | head -1)
    [[ -n $URL ]] && break
    sleep 0.1
done
[[ -n $URL ]] || { echo "the server did not start" >&2; cat "$WORK/server.err" >&2; exit 1; }
"${LOADGEN_CPU[@]}" "$BUILD/bench/loadgen" --url "${URL}echo" --connections "$CONNS" --window 1 --size "$SIZE" \
    --warmup 1 --duration "$SECONDS_RUN" --timeout $((SECONDS_RUN + 60)) >"$WORK/loadgen.out" &
LOADGEN_PID=$!
peak=0
start=$(date +%s)
while kill -0 "$LOADGEN_PID" 2>/dev/null; do
    sleep 3
    rss=$(awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0)
    ((rss > peak)) && peak=$rss
    echo "rss t=$(($(date +%s) - start)) $rss MiB"
done
wait "$LOADGEN_PID" || { echo "the load generator failed" >&2; cat "$WORK/loadgen.out" >&2; exit 1; }
rate=$(sed -n 's/.*msgs_per_s=\([0-9]*\).*/\1/p' "$WORK/loadgen.out")
awk -v b="$(basename "$BUILD")" -v r="$rate" -v s="$SIZE" -v p="$peak" \
    'BEGIN { printf "%s: %d msgs/s, %.0f MB/s, peak RSS %d MiB\n", b, r, r * s / 1e6, p }'
