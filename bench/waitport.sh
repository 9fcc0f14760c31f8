# shellcheck shell=bash
# waitport.sh: sourced by the server benchmarks. bench_wait_port FILE [PID]: the port a server just started printed
# ("PORT n") into FILE, waited for up to 10 s (or until process PID, when given, has ended); nothing when it did not.
bench_wait_port() {
    local file="$1" pid="${2:-}" port=""
    for _ in $(seq 100); do
        port="$(awk '$1 == "PORT" { print $2 }' "$file" 2>/dev/null)"
        [[ -n $port ]] && break
        [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null && break
        sleep 0.1
    done
    echo "$port"
}
