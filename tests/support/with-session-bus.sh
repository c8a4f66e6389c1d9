#!/usr/bin/env bash
# Runs a command on a private D-Bus session bus of its own (dbus-run-session), nothing else on it.
set -euo pipefail
unset DISPLAY WAYLAND_DISPLAY
exec dbus-run-session -- "$@"
