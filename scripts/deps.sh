# Sourced by scripts/run and scripts/test: installs what is missing from Debian 12's packages (idempotent).
wsi_install_deps() {
    local packages=(
        cmake ninja-build g++ pkg-config clang-format
        qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-svg-dev libqt6svg6 qt6-qpa-plugins
        qt6-l10n-tools qt6-tools-dev qt6-translations-l10n libgl-dev libssl-dev zlib1g-dev libbenchmark-dev
        libprotobuf-dev libprotoc-dev
        python3-websockets node-ws nodejs chromium mosquitto protobuf-compiler
        xvfb xauth fonts-dejavu-core fonts-noto-cjk python3-cryptography openssl python3-xlib xdotool
        desktop-file-utils appstream dpkg-dev file
    )
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing Debian packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# The test peers' npm packages (socket.io, graphql-ws, stomp-broker-js...), pinned in
# tests/peers/npm/package-lock.json: `npm ci` only when node_modules is missing or older than the lock file,
# so that nothing is fetched while the tests run.
wsi_install_npm_peers() {
    local dir
    dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/peers/npm"
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    if ! command -v npm >/dev/null; then
        echo "Installing Debian's npm for the test peers"
        "${sudo[@]}" apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends npm
    fi
    local want have
    want="$(sha256sum < "$dir/package-lock.json")"
    have="$(cat "$dir/node_modules/.wsi-lock-sha256" 2>/dev/null || true)"
    [ "$want" = "$have" ] && return 0
    echo "Installing the test peers' npm packages (npm ci in tests/peers/npm)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$dir/node_modules/.wsi-lock-sha256"
}
