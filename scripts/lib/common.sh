# SPDX-FileCopyrightText: 2026 Citizen 360 contributors
# SPDX-License-Identifier: EUPL-1.2
# Shared by scripts/start, scripts/test and .ci/run: the Debian packages this project needs, and the
# configure + build step. Source it; it defines functions only.

# What building, running and testing need on Debian 12 (bookworm).
C360_PACKAGES=(
    build-essential cmake ninja-build pkg-config ccache
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6svg6 qt6-translations-l10n
    qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev
    gettext libsqlite3-dev libssl-dev libsodium-dev python3-jsonschema python3-yaml tzdata
    xvfb xauth fonts-dejavu-core libxkbcommon-dev faketime
    postgresql libqt6sql6-psql libpq-dev
)

c360_log() {
    printf '%s\n' "$*" >&2
}

# Installs the packages that are missing (apt-get; sudo when not root); does nothing when all are there.
c360_install_packages() {
    local missing=() pkg
    for pkg in "${C360_PACKAGES[@]}"; do
        if [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" != "installed" ]; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    c360_log "Installing ${#missing[@]} missing Debian package(s): ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null 2>&1; then
            c360_log "These packages are missing and sudo is not available: ${missing[*]}"
            c360_log "Install them as root: apt-get install ${missing[*]}"
            return 1
        fi
        sudo=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -q
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# The compiler cache's settings for this checkout: paths are hashed relative to it, so that a fresh
# clone elsewhere (CI's) finds what an earlier build compiled; room for the three builds
# (RelWithDebInfo, ASan/UBSan, the fuzzers) with their debug information.
c360_ccache_env() {
    export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$C360_TOP}
    export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-true}
    export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-20G}
}

# c360_build BUILD_DIR [extra cmake arguments...] — configures (once) and builds everything.
c360_build() {
    local build=$1
    shift
    local args=(-G Ninja "$@")
    # Compiler cache (in the user's cache folder): a rebuild from a fresh clone compiles only what
    # changed since the last build on this machine.
    if command -v ccache >/dev/null 2>&1; then
        args+=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
        c360_ccache_env
    fi
    if [ "${CI:-}" = "true" ]; then
        args+=(-DC360_WERROR=ON)
    fi
    cmake -S "$C360_TOP" -B "$build" "${args[@]}" >/dev/null
    cmake --build "$build" --parallel "$(nproc)"
}
