#!/usr/bin/env bash
# Checks the auditline.v1 contract with buf:
#   1. npm ci in proto/ (pinned buf and protoc-gen-es from package-lock.json)
#   2. buf lint                 (STANDARD rules; the vendored buf/validate module is ignored)
#   3. buf breaking             (FILE rules) against the previous commit's proto/
#   4. buf generate             into a temporary directory, for every language in proto/buf.gen.yaml
#
# Environment:
#   CHECK_PROTO_AGAINST=<git rev>         baseline for the breaking check (default HEAD~1)
#   CHECK_PROTO_SKIP_MISSING_PLUGINS=1    skip (with a warning) languages whose generators are not
#                                         installed, instead of failing; scripts/install-test-deps.sh
#                                         installs them all
#   CHECK_PROTO_SKIP_NPM_CI=1             reuse proto/node_modules as it is
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROTO="$ROOT/proto"
BUF="$PROTO/node_modules/.bin/buf"

step() { echo "check-proto: $*"; }
fail() { echo "check-proto: FAILED: $*" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cd "$PROTO"

# 1. tools ----------------------------------------------------------------------------------------
if [[ "${CHECK_PROTO_SKIP_NPM_CI:-}" == "1" && -x "$BUF" ]]; then
  step "npm ci skipped (CHECK_PROTO_SKIP_NPM_CI=1)"
else
  step "npm ci (proto/)"
  command -v npm >/dev/null 2>&1 || fail "npm is not installed (Node.js is needed for buf and protoc-gen-es)"
  npm ci --no-audit --no-fund --loglevel=error >"$WORK/npm.log" 2>&1 \
    || { cat "$WORK/npm.log" >&2; fail "npm ci in proto/ failed"; }
fi
[[ -x "$BUF" ]] || fail "buf not found at proto/node_modules/.bin/buf after npm ci"
step "buf $("$BUF" --version)"

# 2. lint -----------------------------------------------------------------------------------------
step "buf lint"
"$BUF" lint || fail "buf lint found problems (see above)"

# 3. breaking -------------------------------------------------------------------------------------
against="${CHECK_PROTO_AGAINST:-HEAD~1}"
if ! git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1; then
  step "buf breaking SKIPPED: $ROOT is not a git work tree"
elif ! against_sha="$(git -C "$ROOT" rev-parse --verify -q "${against}^{commit}")"; then
  step "buf breaking SKIPPED: no previous commit '$against' (first commit, or a shallow clone)"
elif [[ -z "$(git -C "$ROOT" ls-tree -r --name-only "$against_sha" -- proto/ | grep '\.proto$' || true)" ]]; then
  step "buf breaking SKIPPED: commit $against ($against_sha) has no .proto files under proto/"
else
  step "buf breaking against $against ($against_sha)"
  base="$WORK/baseline"
  mkdir -p "$base"
  git -C "$ROOT" archive "$against_sha" proto | tar -x -C "$base"
  if [[ ! -f "$base/proto/buf.yaml" ]]; then
    # The baseline predates the buf workspace: read it with today's module layout.
    step "  ($against has no proto/buf.yaml; using the current one for it)"
    cp "$PROTO/buf.yaml" "$base/proto/buf.yaml"
  fi
  # --exclude-imports together with the vendor module's ignore keeps the vendored protovalidate
  # schema out of the check: only our own contract is held to the FILE rules.
  "$BUF" breaking --against "$base/proto" --exclude-imports \
    || fail "buf breaking: the working tree breaks the contract of $against (see above)"
fi

# 4. generate -------------------------------------------------------------------------------------
# A plugin entry of buf.gen.yaml is available when its executable is: `local: X` needs X (a path
# relative to proto/ or a command on PATH); `protoc_builtin: X` needs protoc on PATH.
tool_of() {
  case "$1" in
    local:*) echo "${1#local: }" ;;
    protoc_builtin:*) echo protoc ;;
  esac
}
have_tool() {
  if [[ "$1" == */* ]]; then [[ -x "$PROTO/$1" ]]; else command -v "$1" >/dev/null 2>&1; fi
}

template="$WORK/buf.gen.yaml"
missing=()
skip=false
while IFS= read -r line; do
  if [[ "$line" =~ ^\ \ -\ ((local|protoc_builtin):\ *[^#]*[^#\ ]) ]]; then
    entry="${BASH_REMATCH[1]}"
    tool="$(tool_of "$entry")"
    if have_tool "$tool"; then skip=false; else skip=true; missing+=("$entry (needs $tool)"); fi
  elif [[ ! "$line" =~ ^\ \ \ \  ]]; then
    skip=false
  fi
  $skip || printf '%s\n' "$line"
done <"$PROTO/buf.gen.yaml" >"$template"

if ((${#missing[@]} > 0)); then
  for m in "${missing[@]}"; do echo "check-proto: generator not installed: $m" >&2; done
  if [[ "${CHECK_PROTO_SKIP_MISSING_PLUGINS:-}" == "1" ]]; then
    step "skipping the missing generators (CHECK_PROTO_SKIP_MISSING_PLUGINS=1)"
  else
    fail "generators missing; run scripts/install-test-deps.sh (or set CHECK_PROTO_SKIP_MISSING_PLUGINS=1)"
  fi
fi

out="$WORK/out"
step "buf generate (into a temporary directory)"
"$BUF" generate --template "$template" -o "$out" || fail "buf generate failed (see above)"

# Every language whose generators ran must have produced the service's code.
declare -A expect=(
  [gen/go]="gen/go/auditline/v1/audit_event.pb.go gen/go/auditline/v1/ingest_service_grpc.pb.go"
  [gen/python]="gen/python/auditline/v1/audit_event_pb2.py gen/python/auditline/v1/ingest_service_pb2_grpc.py gen/python/buf/validate/validate_pb2.py"
  [gen/ts]="gen/ts/auditline/v1/audit_event_pb.ts gen/ts/auditline/v1/ingest_service_pb.ts"
)
generated=()
for dir in gen/go gen/python gen/ts; do
  grep -q "out: $dir\$" "$template" || continue
  for f in ${expect[$dir]}; do
    [[ -s "$out/$f" ]] || fail "buf generate did not produce $f"
  done
  generated+=("${dir#gen/}")
done
((${#generated[@]} > 0)) || fail "no language was generated"

# The Python output must import with Debian's protobuf and grpcio runtime (system python3).
if [[ " ${generated[*]} " == *" python "* ]]; then
  py=/usr/bin/python3
  if [[ -x "$py" ]] && "$py" -c 'import grpc, google.protobuf' >/dev/null 2>&1; then
    PYTHONPATH="$out/gen/python" "$py" -c \
      'from auditline.v1 import audit_event_pb2, ingest_service_pb2, ingest_service_pb2_grpc' \
      || fail "the generated Python code does not import with the system protobuf/grpcio runtime"
    step "generated Python imports with $py"
  else
    step "Python import check skipped: $py with grpc and protobuf not found"
  fi
fi

step "OK (lint, breaking, generate: ${generated[*]})"
