#!/usr/bin/env bash
# The CLI's memory over a long flood (issue 12, "the CLI streams"): peak RSS of `wsinspector-cli connect`
# (every message printed, to /dev/null) against a bare QWebSocket client (bench_flood_client) receiving the
# same flood of SIZE-byte messages, for each count in COUNTS, in the same run. Prints one line per
# count and the ratio cli/bare; a streaming CLI stays near the same figure at every count.
# SENDER=raw (the default) is bench/floodsender, faster than either receiver (so memory that waits for the
# printer shows); SENDER=node the node-ws server.
#
#   bench/cli_memory_flood.sh                           # COUNTS="1000000 5000000", size 32, ./build-bench
#   COUNTS="200000 1000000" BUILD_DIR=build-test bench/cli_memory_flood.sh
set -euo pipefail

COUNTS="${COUNTS:-1000000 5000000}"
SIZE="${SIZE:-32}"
SENDER="${SENDER:-raw}"
. "$(dirname "${BASH_SOURCE[0]}")/benchlib.sh"

bare="$BUILD_DIR/bench/bench_flood_client"
cli="$BUILD_DIR/app/cli/wsinspector-cli"
bench_require "bench/bench_flood_client bench/floodsender app/cli/wsinspector-cli" bench_flood_client floodsender \
    wsinspector-cli
case "$SENDER" in
node) bench_start_node "$root/tests/peers/ws_server.js" "the node-ws server" ;;
raw) ;;
*) echo "SENDER is raw or node, not '$SENDER'" >&2; exit 2 ;;
esac

# Peak RSS in KiB of a command (GNU time's %M); fails the run if the command fails.
peak_kib() {
    local name="$1"
    shift
    if ! /usr/bin/time -f '%M' -o "$work/$name.rss" "$@" >"$work/$name.out" 2>"$work/$name.err"; then
        echo "$name failed: $(head -c 300 "$work/$name.err")" >&2
        exit 1
    fi
    tail -n 1 "$work/$name.rss"
}

echo "cli memory flood: size=$SIZE sender=$SENDER load: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $COUNTS; do
    if [[ "$SENDER" == raw ]]; then
        # One sender per count, for its two clients (bare, then the CLI); it ends by itself after them.
        if [[ -n "$server_pid" ]]; then
            wait "$server_pid" || true
        fi
        bench_start_server "the raw-socket sender" "$BUILD_DIR/bench/floodsender" --count "$n" --size "$SIZE" --clients 2
    fi
    url="ws://127.0.0.1:$port/flood?n=$n&size=$SIZE"
    bare_kib="$(peak_kib bare "$bare" "$url" 600000)"
    got="$(sed -n 's/.*messages=\([0-9]*\).*/\1/p' "$work/bare.out")"
    [[ "$got" == "$n" ]] || { echo "bare client received $got messages, expected $n" >&2; exit 1; }
    # Counted through a pipe: 5 M lines need not touch the disk. The spill file goes to this run's folder.
    XDG_CACHE_HOME="$work" /usr/bin/time -f '%M' -o "$work/cli.rss" "$cli" connect "$url" --no-frames \
        --wait-ms 600000 --timeout-ms 600000 2>"$work/cli.err" | grep -c '"dir":"in","event":"message"' \
        >"$work/cli.count" || { echo "the CLI failed: $(head -c 300 "$work/cli.err")" >&2; exit 1; }
    cli_kib="$(tail -n 1 "$work/cli.rss")"
    got="$(cat "$work/cli.count")"
    [[ "$got" == "$n" ]] || { echo "the CLI printed $got messages, expected $n" >&2; exit 1; }
    awk -v n="$n" -v b="$bare_kib" -v c="$cli_kib" 'BEGIN {
        printf "n=%d: peak RSS bare QWebSocket %.1f MiB, wsinspector-cli connect %.1f MiB, ratio cli/bare %.2fx\n",
            n, b / 1024, c / 1024, c / b }'
done
