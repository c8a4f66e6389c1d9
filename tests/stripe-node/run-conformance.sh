#!/usr/bin/env bash
# CTest entry: starts the standalone sandbox, drives it with Stripe's official Node library.
# scripts/setup.sh test installs the library (npm ci) beforehand.
set -euo pipefail
sandbox="$1"
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -d "$here/node_modules/stripe" ]; then
  echo "stripe (npm) is not installed in $here: run 'npm ci --prefix $here' (scripts/setup.sh test does)" >&2
  exit 1
fi
out="$(mktemp)"
"$sandbox" --port 0 >"$out" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 1 100); do
  grep -q '^listening on ' "$out" && break
  kill -0 $pid 2>/dev/null || { echo "the sandbox exited" >&2; exit 1; }
  sleep 0.05 # waiting for the child's first line; no timing is asserted
done
url="$(sed -n 's/^listening on //p' "$out")"
node "$here/conformance.mjs" "$url"
