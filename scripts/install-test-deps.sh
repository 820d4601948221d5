#!/usr/bin/env bash
# Installs the system packages and the npm-installed test servers the test suite needs, when they
# are missing.
#
# Idempotent: when every package below is already installed, apt is not touched at all; otherwise
# `apt-get update` runs once and only the missing packages are installed. The test servers in
# test-servers/package.json are installed from its lock file (`npm ci`) only when their binary is
# missing.
#
# To add a package, append it to DEB_PACKAGES with a comment saying who needs it; to add a test
# server from npm, pin it in test-servers/package.json and refresh the lock file with
# `npm install --package-lock-only --no-audit --no-fund --omit-lockfile-registry-resolved`.
# Usage: scripts/install-test-deps.sh [--check]   (--check: only report, exit 1 if something is missing)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TEST_SERVERS="$ROOT/test-servers"
# Azurite (Azure Blob emulator) for the logpush Azure destination tests (testkit SharedAzurite).
AZURITE_BIN="$TEST_SERVERS/node_modules/.bin/azurite-blob"

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
  # promtool: checks and unit-tests the alert rules in deploy/prometheus (scripts/check-deploy.sh).
  prometheus
)

check_only=false
if [[ "${1:-}" == "--check" ]]; then check_only=true; fi

log() { echo "install-test-deps: $*"; }

is_installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" == "installed" ]]
}

SUDO=()
use_sudo_or_fail() {
  if [[ "$(id -u)" != "0" ]]; then
    if command -v sudo >/dev/null 2>&1; then
      SUDO=(sudo)
    else
      log "ERROR: not root and no sudo; install these packages by hand: $*" >&2
      exit 1
    fi
  fi
}

apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    log "ERROR: apt-get not found; install these packages by hand: $*" >&2
    exit 1
  fi
  use_sudo_or_fail "$@"
  export DEBIAN_FRONTEND=noninteractive
  log "running apt-get update"
  "${SUDO[@]}" apt-get update -qq
  log "running apt-get install -y $*"
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "$@"
}

# In --check mode only records that something is missing; exits on an installation failure.
install_debian_packages() {
  local missing=() still_missing=() pkg
  for pkg in "${DEB_PACKAGES[@]}"; do
    if ! is_installed "$pkg"; then missing+=("$pkg"); fi
  done

  if ((${#missing[@]} == 0)); then
    log "all ${#DEB_PACKAGES[@]} Debian packages present, nothing to do"
    return 0
  fi

  log "missing Debian packages: ${missing[*]}"
  if $check_only; then something_missing=true; return 0; fi

  apt_install "${missing[@]}"

  for pkg in "${missing[@]}"; do
    if ! is_installed "$pkg"; then still_missing+=("$pkg"); fi
  done
  if ((${#still_missing[@]} > 0)); then
    log "ERROR: still missing after apt-get install: ${still_missing[*]}" >&2
    exit 1
  fi
  log "installed: ${missing[*]}"
}

# In --check mode only records that something is missing; exits on an installation failure.
install_test_servers() {
  if [[ -x "$AZURITE_BIN" ]]; then
    log "test servers present (test-servers/node_modules), nothing to do"
    return 0
  fi

  log "missing test servers: test-servers/node_modules/.bin/azurite-blob"
  if $check_only; then something_missing=true; return 0; fi

  if ! command -v npm >/dev/null 2>&1; then
    # Debian's npm brings Node.js with it.
    apt_install npm
  fi
  log "running npm ci --prefix test-servers"
  npm ci --prefix "$TEST_SERVERS" --no-audit --no-fund
  if [[ ! -x "$AZURITE_BIN" ]]; then
    log "ERROR: still missing after npm ci: $AZURITE_BIN" >&2
    exit 1
  fi
  log "installed: test servers from test-servers/package-lock.json"
}

# Called plainly, not in an `||` list, which would switch off `set -e` inside them.
something_missing=false
install_debian_packages
install_test_servers
if $something_missing; then exit 1; fi
