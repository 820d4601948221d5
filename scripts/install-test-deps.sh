#!/usr/bin/env bash
# Installs the system packages the test suite needs, when they are missing.
#
# Idempotent: when every package below is already installed, apt is not touched at all; otherwise
# `apt-get update` runs once and only the missing packages are installed.
#
# To add a package, append it to DEB_PACKAGES with a comment saying who needs it.
# Usage: scripts/install-test-deps.sh [--check]   (--check: only report, exit 1 if something is missing)
set -euo pipefail

DEB_PACKAGES=(
  # Python producer (examples/python, end-to-end ingest tests): runtime for generated stubs.
  python3-grpcio
  python3-protobuf
  # protoc + grpc_python_plugin: examples/python/generate.sh and buf's protoc_builtin python/pyi.
  protobuf-compiler
  protobuf-compiler-grpc
  # Go client generation in proto/buf.gen.yaml (scripts/check-proto.sh).
  protoc-gen-go
  protoc-gen-go-grpc
)

check_only=false
if [[ "${1:-}" == "--check" ]]; then check_only=true; fi

log() { echo "install-test-deps: $*"; }

is_installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" == "installed" ]]
}

missing=()
for pkg in "${DEB_PACKAGES[@]}"; do
  if ! is_installed "$pkg"; then missing+=("$pkg"); fi
done

if ((${#missing[@]} == 0)); then
  log "all ${#DEB_PACKAGES[@]} Debian packages present, nothing to do"
  exit 0
fi

log "missing Debian packages: ${missing[*]}"
if $check_only; then exit 1; fi

if ! command -v apt-get >/dev/null 2>&1; then
  log "ERROR: apt-get not found; install these packages by hand: ${missing[*]}" >&2
  exit 1
fi

SUDO=()
if [[ "$(id -u)" != "0" ]]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    log "ERROR: not root and no sudo; install these packages by hand: ${missing[*]}" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
log "running apt-get update"
"${SUDO[@]}" apt-get update -qq
log "running apt-get install -y ${missing[*]}"
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

still_missing=()
for pkg in "${missing[@]}"; do
  if ! is_installed "$pkg"; then still_missing+=("$pkg"); fi
done
if ((${#still_missing[@]} > 0)); then
  log "ERROR: still missing after apt-get install: ${still_missing[*]}" >&2
  exit 1
fi
log "installed: ${missing[*]}"
