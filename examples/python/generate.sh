#!/usr/bin/env bash
# Generates the Python stubs of the auditline.v1 contract (and of the vendored buf/validate schema it
# imports) with Debian's protoc and grpc_python_plugin, for the Debian python3-protobuf and
# python3-grpcio runtime (scripts/install-test-deps.sh installs all four).
#
# Usage: examples/python/generate.sh [OUT_DIR]     (default: examples/python/gen, not committed)
# Then:  /usr/bin/python3 examples/python/producer.py --stubs OUT_DIR ...
#
# Environment: PROTOC (default protoc), GRPC_PYTHON_PLUGIN (default grpc_python_plugin),
#              PYTHON (default /usr/bin/python3; only used for the runtime version check).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="${1:-$HERE/gen}"
PROTOC="${PROTOC:-protoc}"
GRPC_PLUGIN="${GRPC_PYTHON_PLUGIN:-grpc_python_plugin}"
PYTHON="${PYTHON:-/usr/bin/python3}"

fail() { echo "generate.sh: $*" >&2; exit 1; }

command -v "$PROTOC" >/dev/null 2>&1 || fail "protoc not found (Debian package protobuf-compiler)"
plugin_path="$(command -v "$GRPC_PLUGIN" 2>/dev/null)" \
  || fail "grpc_python_plugin not found (Debian package protobuf-compiler-grpc)"

# Generated code must not be newer than the runtime that imports it: protoc 3.X.Y (or X.Y) pairs with
# the Python protobuf runtime 4.X.Y (or 3.X.Y / 5.X.Y...). Warn when the minor versions differ.
protoc_version="$("$PROTOC" --version | awk '{print $2}')"
if [[ -x "$PYTHON" ]] && runtime_version="$("$PYTHON" -c 'import google.protobuf as p; print(p.__version__)' 2>/dev/null)"; then
  protoc_minor="$(echo "$protoc_version" | awk -F. '{print (NF==3 ? $2 : $1)}')"
  runtime_minor="$(echo "$runtime_version" | awk -F. '{print $2}')"
  if [[ "$protoc_minor" != "$runtime_minor" ]]; then
    echo "generate.sh: WARNING: protoc $protoc_version and Python protobuf runtime $runtime_version differ;" \
         "the stubs may not import" >&2
  fi
else
  echo "generate.sh: WARNING: $PYTHON cannot import google.protobuf (Debian package python3-protobuf)" >&2
fi

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
cd "$ROOT/proto"
# Debian's protoc finds google/protobuf/*.proto (timestamp, descriptor, ...) in its own include dir.
"$PROTOC" \
  -I src/main/proto \
  -I vendor \
  --python_out="$OUT" \
  --pyi_out="$OUT" \
  --plugin=protoc-gen-grpc_python="$plugin_path" \
  --grpc_python_out="$OUT" \
  auditline/v1/audit_event.proto \
  auditline/v1/security_event.proto \
  auditline/v1/ingest_service.proto \
  buf/validate/validate.proto

echo "generate.sh: Python stubs (protoc $protoc_version) written to $OUT"
