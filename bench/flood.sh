#!/usr/bin/env bash
# The flood benchmark: N small text messages from a node-ws server, received by a bare QWebSocket client
# (bench_flood_client) and by `wsinspector-cli connect` (every frame decoded, stored and printed as JSON
# Lines to /dev/null), in the same run, alternating, ROUNDS rounds each. Prints medians and the throughput
# ratio cli/bare (goal: >= 0.8). Numbers only; it fails only if a run goes wrong (wrong count, bad exit code,
# the CLI not stopping when the server closes).
#
#   bench/flood.sh                      # n=200000, size=32, 5 rounds, Release build in ./build-bench
#   N=50000 ROUNDS=3 BUILD_DIR=build-cli bench/flood.sh
#   URL=ws://127.0.0.1:9000/ N=200000 bench/flood.sh   # another flood server that sends N messages, then closes
#
# node-ws sends only ~1.8 M msgs/s on an idle machine of this kind and much less on a busy one, so with it
# both clients mostly wait for the sender; URL= lets a faster sender show the receivers' own limits.
set -euo pipefail

N="${N:-200000}"
SIZE="${SIZE:-32}"
ROUNDS="${ROUNDS:-5}"
. "$(dirname "${BASH_SOURCE[0]}")/benchlib.sh"

bare="$BUILD_DIR/bench/bench_flood_client"
cli="$BUILD_DIR/app/cli/wsinspector-cli"
bench_require "bench/bench_flood_client app/cli/wsinspector-cli" bench_flood_client wsinspector-cli

if [[ -n "${URL:-}" ]]; then
    url="$URL"
    server="external"
else
    server="node-ws"
    bench_start_node "$root/tests/peers/ws_server.js" "the node-ws server"
    url="ws://127.0.0.1:$port/flood?n=$N&size=$SIZE"
fi

now_ns() { date +%s%N; }

# One check run, not timed: the CLI must see every message, a clean close, and stop by itself.
"$cli" connect "$url" --wait-ms 60000 --timeout-ms 60000 >"$work/check.jsonl"
received="$(grep -c '"dir":"in","event":"message"' "$work/check.jsonl" || true)"
if [[ "$received" != "$N" ]]; then
    echo "check failed: the CLI printed $received incoming messages, expected $N" >&2
    exit 1
fi
if ! tail -n 2 "$work/check.jsonl" | grep -q '"event":"close"'; then
    echo "check failed: the CLI output does not end with the closing handshake" >&2
    exit 1
fi

declare -a t_bare t_cli t_cli_nf recv_bare c_bare c_cli c_cli_nf
# Runs one contestant; sets $elapsed (wall seconds) and $cpu (user + system CPU seconds of the process).
# Wall time is what the goal is about; CPU time is the receiver's own cost, which a busy machine or a
# slow sender does not hide.
run_timed() {
    local name="$1"
    shift
    local start end status=0
    start="$(now_ns)"
    /usr/bin/time -f '%U %S' -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" || status=$?
    end="$(now_ns)"
    if [[ $status -ne 0 ]]; then
        echo "$name exited with $status: $(head -c 300 "$work/$name.err")" >&2
        exit 1
    fi
    elapsed="$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", (e - s) / 1e9 }')"
    cpu="$(awk '{ printf "%.2f", $1 + $2 }' "$work/$name.time")"
}

echo "flood: n=$N size=$SIZE rounds=$ROUNDS server=$server build=$build_type load: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$ROUNDS"); do
    run_timed bare "$bare" "$url" 60000
    t_bare+=("$elapsed")
    c_bare+=("$cpu")
    got="$(sed -n 's/.*messages=\([0-9]*\).*/\1/p' "$work/bare.out")"
    if [[ "$got" != "$N" ]]; then
        echo "bare client received $got messages, expected $N" >&2
        exit 1
    fi
    recv_bare+=("$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' "$work/bare.out")")

    run_timed cli "$cli" connect "$url" --wait-ms 60000 --timeout-ms 60000
    t_cli+=("$elapsed")
    c_cli+=("$cpu")

    run_timed cli_nf "$cli" connect "$url" --wait-ms 60000 --timeout-ms 60000 --no-frames
    t_cli_nf+=("$elapsed")
    c_cli_nf+=("$cpu")
    # The CLI waits up to --wait-ms for the server; a run near that long means it did not stop on the close.
    for v in "${t_cli[-1]}" "${t_cli_nf[-1]}"; do
        if awk -v v="$v" 'BEGIN { exit !(v > 30) }'; then
            echo "the CLI took ${v}s: it did not stop when the server closed" >&2
            exit 1
        fi
    done
    printf 'round %d: bare %ss (receive %ss, cpu %ss)  cli %ss (cpu %ss)  cli --no-frames %ss (cpu %ss)\n' \
        "$round" "${t_bare[-1]}" "${recv_bare[-1]}" "${c_bare[-1]}" "${t_cli[-1]}" "${c_cli[-1]}" \
        "${t_cli_nf[-1]}" "${c_cli_nf[-1]}"
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
m_bare="$(median "${t_bare[@]}")"
m_recv="$(median "${recv_bare[@]}")"
m_cli="$(median "${t_cli[@]}")"
m_cli_nf="$(median "${t_cli_nf[@]}")"
awk -v n="$N" -v b="$m_bare" -v r="$m_recv" -v c="$m_cli" -v f="$m_cli_nf" \
    -v cb="$(median "${c_bare[@]}")" -v cc="$(median "${c_cli[@]}")" -v cf="$(median "${c_cli_nf[@]}")" 'BEGIN {
    printf "medians over the rounds, %d messages (wall time per process, start-up included):\n", n
    printf "  bare QWebSocket client       %7.3f s  %9.0f msgs/s  cpu %.2f s  (receive only: %.3f s)\n", b, n / b, cb, r
    printf "  wsinspector-cli              %7.3f s  %9.0f msgs/s  cpu %.2f s\n", c, n / c, cc
    printf "  wsinspector-cli --no-frames  %7.3f s  %9.0f msgs/s  cpu %.2f s\n", f, n / f, cf
    printf "throughput ratio cli/bare: %.2fx (with frames), %.2fx (--no-frames); goal >= 0.80x\n", b / c, b / f
    if (cc > 0 && cf > 0)
        printf "cpu per message: bare %.2f us, cli %.2f us, cli --no-frames %.2f us\n", cb * 1e6 / n, cc * 1e6 / n, cf * 1e6 / n
}'
