#!/usr/bin/env bash
# The cost of inflating a permessage-deflate flood as the recorder does (frames decoded, each message inflated by
# MessageInflation into its own buffer, capped), as a ratio of plain zlib inflating the same bytes in the same run.
#   bench/deflate_inflate.sh [messages] [bytes per message] [rounds]     (BUILD_DIR: default build-bench, Release)
set -euo pipefail
. "$(dirname "$0")/benchlib.sh"
bench_require "bench/bench_deflate_inflate" bench_deflate_inflate
echo "bench_deflate_inflate ($build_type build)"
"$BUILD_DIR/bench/bench_deflate_inflate" "${1:-20000}" "${2:-4096}" "${3:-5}"
