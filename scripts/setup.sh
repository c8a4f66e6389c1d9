#!/usr/bin/env bash
# Installs what is missing (Debian 12 packages), configures and builds Konbini POS, then runs it.
#   scripts/setup.sh run    build, then launch the counter app (konbini-pos) on its built-in sandbox
#   scripts/setup.sh test   build, then run every test (CTest prints the summary)
#   scripts/setup.sh build  build only
#   scripts/setup.sh package  build, then the Debian packages into BUILD_DIR/packages
# Environment: BUILD_DIR (default build), KONBINI_SANITIZE=ON for an ASan+UBSan build.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-build}"
case "$mode" in run|test|build|package) ;; *) echo "usage: $0 run|test|build|package" >&2; exit 2 ;; esac

build_packages=(
  g++ cmake ninja-build pkg-config
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  qtkeychain-qt6-dev libqt6sql6-sqlite libsqlite3-dev libqrencode-dev
)
test_packages=(
  libc-bin xvfb xauth xdotool imagemagick zbar-tools libzxing-dev poppler-utils fonts-noto-cjk fonts-dejavu-core
  gnome-keyring dbus-x11 dbus curl wrk openbox sqlite3 gdb
)
# CPack's Debian generator computes library dependencies with dpkg-shlibdeps; the package test
# validates the menu entry and the AppStream metadata.
package_packages=(dpkg-dev desktop-file-utils appstream)
packages=("${build_packages[@]}")
case "$mode" in
  test) packages+=("${test_packages[@]}" "${package_packages[@]}") ;;
  run) packages+=("${test_packages[@]}") ;;
  package) packages+=("${package_packages[@]}") ;;
esac
# Node.js drives the sandbox with Stripe's official library in one test; any installed node will do.
if [ "$mode" = test ] && ! command -v npm >/dev/null; then packages+=(nodejs npm); fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build_dir="${BUILD_DIR:-build}"
cmake -S . -B "$build_dir" -G Ninja -DKONBINI_SANITIZE="${KONBINI_SANITIZE:-OFF}" >/dev/null
cmake --build "$build_dir" --parallel 2

case "$mode" in
  run)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "== No display: konbini-pos needs a desktop session. Starting the Stripe sandbox alone instead (Ctrl+C stops it)."
      exec "$build_dir/sandbox/konbini-sandbox" --state "${KONBINI_SANDBOX_STATE:-$build_dir/sandbox-state.sqlite}"
    fi
    echo "== Konbini POS on its built-in Stripe sandbox (no Stripe account needed)"
    exec "$build_dir/app/konbini-pos" "${@:2}"
    ;;
  test)
    if [ ! -d tests/stripe-node/node_modules/stripe ]; then
      npm ci --prefix tests/stripe-node --no-audit --no-fund --loglevel=error
    fi
    cd "$build_dir"
    exec ctest --output-on-failure --parallel 2 --timeout 600
    ;;
  package)
    rm -rf "$build_dir/packages"
    (cd "$build_dir" && cpack -G DEB)
    echo "== Debian packages:"
    ls -1 "$build_dir"/packages/*.deb
    ;;
esac
