# Sourced by scripts/run and scripts/test: installs what is missing from Debian 12's packages (idempotent).
wsi_install_deps() {
    local packages=(
        cmake ninja-build g++ pkg-config clang-format
        qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-svg-dev libqt6svg6 qt6-qpa-plugins
        qt6-l10n-tools qt6-tools-dev qt6-translations-l10n libgl-dev libssl-dev zlib1g-dev libbenchmark-dev
        python3-websockets node-ws nodejs chromium
        xvfb xauth fonts-dejavu-core fonts-noto-cjk python3-cryptography openssl
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
