#!/usr/bin/env bash
# Runs a command against a real Secret Service: a private session bus (dbus-run-session) with
# gnome-keyring-daemon unlocked by a throwaway password, in a throwaway HOME.
set -euo pipefail
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/.local/share/keyrings" "$home/.config" "$home/.cache"
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache"
export XDG_RUNTIME_DIR="$home/runtime"
mkdir -m 700 -p "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY
exec dbus-run-session -- bash -c '
  # An empty password would make the daemon ask a prompter; a fixed one unlocks the login keyring.
  eval "$(printf "konbini-test-keyring" | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  exec "$@"' keyring "$@"
