#!/usr/bin/env bash
# examples/openapi.rs's document, checked by openapi-spec-validator, and a Python client
# generated from it by openapi-python-client (both pinned in requirements.txt), checked
# against the document and the running example server.
set -euo pipefail
cd "$(dirname "$0")/../.."

target_dir="${CARGO_TARGET_DIR:-target}"
venv="$target_dir/openapi-client-venv"
out="$target_dir/openapi-client"

echo "== installing openapi-spec-validator and openapi-python-client (tests/openapi-client/requirements.txt)"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/openapi-client/requirements.txt

echo "== building the example and printing its document"
cargo build --quiet -p stytch-errors --example openapi --all-features
"$target_dir/debug/examples/openapi" > "$out.json"

echo "== the document, checked by openapi-spec-validator"
"$venv/bin/python" -m openapi_spec_validator "$out.json"

echo "== generating the client"
rm -rf "$out"
timeout 300 "$venv/bin/openapi-python-client" generate --path "$out.json" --output-path "$out" \
    --meta none --config tests/openapi-client/config.yaml

echo "== the client against the document and the example server"
timeout 120 "$venv/bin/python" tests/openapi-client/check.py \
    --document "$out.json" --client "$out" --server "$target_dir/debug/examples/openapi"
