#!/usr/bin/env bash
# The decoding benchmark (issue 14): a flood of Socket.IO v4 events (42["chat",{"n":123}]) from a node-ws
# server, received by `wsinspector-cli connect --protocol auto` (every event decoded: Socket.IO detected from
# the URL, a "decoded" object on each line) and by `--protocol none` (no decoding) in the same run,
# alternating, ROUNDS rounds each. Prints medians and the throughput ratio decoding on / off (goal: >= 0.8).
# It fails only if a run goes wrong (wrong count, nothing decoded, bad exit code).
#
#   bench/decode_flood.sh                              # n=200000, 5 rounds, Release build in ./build-bench
#   N=50000 ROUNDS=3 BUILD_DIR=build-test bench/decode_flood.sh
set -euo pipefail

N="${N:-200000}"
ROUNDS="${ROUNDS:-5}"
. "$(dirname "${BASH_SOURCE[0]}")/benchlib.sh"

cli="$BUILD_DIR/app/cli/wsinspector-cli"
bench_require "app/cli/wsinspector-cli" wsinspector-cli
bench_start_node "$root/bench/node_socketio_flood_server.js" "the flood server"
url="ws://127.0.0.1:$port/socket.io/?EIO=4&transport=websocket&n=$N"
# Both sides answer nothing automatically: the flood measures decoding, not Engine.IO pongs.
common=(connect "$url" --wait-ms 60000 --timeout-ms 60000 --no-protocol-duties)

# One check run of each, not timed: every event arrives, and only --protocol auto decodes them.
"$cli" "${common[@]}" --protocol auto >"$work/check-on.jsonl"
"$cli" "${common[@]}" --protocol none >"$work/check-off.jsonl"
for side in on off; do
    got="$(grep -c '"dir":"in","event":"message"' "$work/check-$side.jsonl" || true)"
    if [[ "$got" != "$((N + 2))" ]]; then
        echo "check failed: decoding $side printed $got incoming messages, expected $((N + 2))" >&2
        exit 1
    fi
done
decoded="$(grep -c '"protocol":"socketio"' "$work/check-on.jsonl" || true)"
if [[ "$decoded" -lt "$N" ]]; then
    echo "check failed: --protocol auto decoded $decoded Socket.IO messages, expected at least $N" >&2
    exit 1
fi
if grep -q '"decoded"' "$work/check-off.jsonl"; then
    echo "check failed: --protocol none decoded messages" >&2
    exit 1
fi

now_ns() { date +%s%N; }
run_timed() {
    local name="$1"
    shift
    local start end status=0
    start="$(now_ns)"
    /usr/bin/time -f '%U %S' -o "$work/$name.time" "$@" >/dev/null 2>"$work/$name.err" || status=$?
    end="$(now_ns)"
    if [[ $status -ne 0 ]]; then
        echo "$name exited with $status: $(head -c 300 "$work/$name.err")" >&2
        exit 1
    fi
    elapsed="$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", (e - s) / 1e9 }')"
    cpu="$(awk '{ printf "%.2f", $1 + $2 }' "$work/$name.time")"
}

declare -a t_on t_off c_on c_off
echo "decode flood: n=$N rounds=$ROUNDS build=$build_type load: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$ROUNDS"); do
    run_timed off "$cli" "${common[@]}" --protocol none
    t_off+=("$elapsed")
    c_off+=("$cpu")
    run_timed on "$cli" "${common[@]}" --protocol auto
    t_on+=("$elapsed")
    c_on+=("$cpu")
    printf 'round %d: decoding off %ss (cpu %ss)  decoding on %ss (cpu %ss)\n' \
        "$round" "${t_off[-1]}" "${c_off[-1]}" "${t_on[-1]}" "${c_on[-1]}"
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
awk -v n="$N" -v off="$(median "${t_off[@]}")" -v on="$(median "${t_on[@]}")" \
    -v coff="$(median "${c_off[@]}")" -v con="$(median "${c_on[@]}")" 'BEGIN {
    printf "medians over the rounds, %d Socket.IO events (wall time per process, start-up included):\n", n
    printf "  --protocol none (decoding off)  %7.3f s  %9.0f msgs/s  cpu %.2f s\n", off, n / off, coff
    printf "  --protocol auto (decoding on)   %7.3f s  %9.0f msgs/s  cpu %.2f s\n", on, n / on, con
    printf "throughput ratio decoding on/off: %.2fx; goal >= 0.80x\n", off / on
    if (coff > 0 && con > 0)
        printf "cpu per message: off %.2f us, on %.2f us\n", coff * 1e6 / n, con * 1e6 / n
}'
