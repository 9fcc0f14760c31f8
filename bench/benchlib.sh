# benchlib.sh: what the flood benchmarks share, sourced by them: the build they measure, a scratch folder that
# is removed on exit, and a node flood server started on a free port. Sourcing sets `root`.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$root/build-bench}"
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR="$root/$BUILD_DIR" ;; esac

# Builds the given targets (Release, in BUILD_DIR) when any of the given binaries is missing, and warns when the
# build directory is not a Release build: its numbers would mean little. Sets `build_type` for the report line.
#   bench_require "bench/bench_flood_client app/cli/wsinspector-cli" bench_flood_client wsinspector-cli
bench_require() {
    local binaries="$1" missing=0 binary
    shift
    for binary in $binaries; do
        [[ -x "$BUILD_DIR/$binary" ]] || missing=1
    done
    if [[ $missing == 1 ]]; then
        echo "building $* (Release) in $BUILD_DIR" >&2
        cmake -S "$root" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
        cmake --build "$BUILD_DIR" --target "$@" -j 2 >/dev/null
    fi
    build_type="$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD_DIR/CMakeCache.txt")"
    if [[ "$build_type" != "Release" ]]; then
        echo "warning: $BUILD_DIR is a '$build_type' build; the numbers mean most for Release" >&2
    fi
}

# Stops each process whose pid is given (empty ones are skipped) and waits for it.
bench_stop() {
    local pid
    for pid in "$@"; do
        if [[ -n "$pid" ]]; then
            kill "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
}

# A scratch folder in `work`; it and the server started by bench_start_server go away on exit.
work="$(mktemp -d)"
server_pid=""
bench_cleanup() {
    bench_stop "$server_pid"
    rm -rf "$work"
}
trap bench_cleanup EXIT

# A process's resident memory in MiB and its CPU time (user + system) in seconds so far; 0 once it is gone.
rss_mib() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo 0; }
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# Waits until process $1 spends no CPU for a second (what it still does after a load: batch timers, the journal),
# at most 30 s.
bench_wait_settled() {
    local prev="" now
    for _ in $(seq 30); do
        now="$(cpu_s "$1")"
        [[ "$now" == "$prev" ]] && return 0
        prev="$now"
        sleep 1
    done
}

# Starts a server command that prints "PORT <n>" once it listens; sets `port`, or exits naming the failure.
#   bench_start_server "the raw-socket sender" taskset -c 0 "$BUILD_DIR/bench/floodsender" --clients 0
bench_start_server() {
    local what="$1"
    shift
    "$@" >"$work/server.out" 2>"$work/server.err" &
    server_pid=$!
    port=""
    for _ in $(seq 100); do
        port="$(sed -n 's/^PORT \([0-9]*\)$/\1/p' "$work/server.out")"
        [[ -n "$port" ]] && return 0
        sleep 0.1
    done
    echo "$what did not start: $(cat "$work/server.err")" >&2
    exit 1
}

# Starts a node server script that prints "PORT <n>" once it listens (see bench_start_server).
#   bench_start_node "$root/tests/peers/ws_server.js" "the node-ws server"
bench_start_node() {
    NODE_PATH=/usr/share/nodejs bench_start_server "$2" node "$1"
}
