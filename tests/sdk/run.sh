#!/usr/bin/env bash
# Stytch's official SDKs (Python: `stytch` on PyPI, Node: `stytch` on npm) as clients of the
# example servers (axum and actix-web): installs both, builds the servers, and runs check.py
# against each.
set -euo pipefail
cd "$(dirname "$0")/../.."

target_dir="${CARGO_TARGET_DIR:-target}"
venv="$target_dir/sdk-venv"

echo "== installing the Python SDK (tests/sdk/requirements.txt)"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/sdk/requirements.txt

echo "== installing the Node SDK (tests/sdk/package-lock.json)"
(cd tests/sdk && npm ci --silent --no-audit --no-fund)

echo "== building the example servers (axum and actix-web)"
cargo build --quiet -p stytch-errors --example server --example server-actix --all-features

for server in server server-actix; do
  echo "== the SDKs against examples/$server.rs"
  "$venv/bin/python" tests/sdk/check.py --server "$target_dir/debug/examples/$server" --python "$venv/bin/python"
done
