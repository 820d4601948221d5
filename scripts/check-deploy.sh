#!/usr/bin/env bash
# Checks what deploy/ ships to operators:
#   1. promtool check rules   deploy/prometheus/auditline-alerts.yml
#   2. promtool test rules    deploy/prometheus/auditline-alerts.test.yml (a firing and a quiet case per alert)
#   3. the Grafana dashboard  deploy/grafana/*.json parses as JSON, and every panel query parses as PromQL
#
# Needs promtool (Debian package `prometheus`, installed by scripts/install-test-deps.sh) and python3.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RULES="$ROOT/deploy/prometheus/auditline-alerts.yml"
RULE_TESTS="$ROOT/deploy/prometheus/auditline-alerts.test.yml"
DASHBOARDS=("$ROOT"/deploy/grafana/*.json)

step() { echo "check-deploy: $*"; }
fail() { echo "check-deploy: FAILED: $*" >&2; exit 1; }

command -v promtool >/dev/null 2>&1 \
  || fail "promtool not found (install the Debian package 'prometheus', or run scripts/install-test-deps.sh)"
command -v python3 >/dev/null 2>&1 || fail "python3 not found"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

step "promtool check rules $(basename "$RULES")"
promtool check rules "$RULES" || fail "alert rules do not check"

step "promtool test rules $(basename "$RULE_TESTS")"
# promtool resolves rule_files relative to the test file's directory.
(cd "$(dirname "$RULE_TESTS")" && promtool test rules "$(basename "$RULE_TESTS")") || fail "alert rule tests fail"

for dashboard in "${DASHBOARDS[@]}"; do
  [[ -f "$dashboard" ]] || fail "no dashboard under deploy/grafana"
  step "dashboard $(basename "$dashboard"): JSON and PromQL"
  python3 -m json.tool "$dashboard" >/dev/null || fail "$(basename "$dashboard") is not valid JSON"
  # Every panel query becomes a recording rule so promtool parses it; Grafana's variables get
  # stand-in values first.
  python3 - "$dashboard" "$WORK/dashboard-queries.yml" <<'PY' || fail "$(basename "$dashboard"): could not extract its queries"
import json, sys
dash = json.load(open(sys.argv[1]))
exprs = []
def walk(panels):
    for p in panels:
        walk(p.get("panels", []))
        for t in p.get("targets", []):
            if t.get("expr"):
                exprs.append((p.get("title", "?"), t["expr"]))
walk(dash.get("panels", []))
if not exprs:
    sys.exit("no queries found")
subst = {"$__rate_interval": "5m", "$__interval": "1m", "$__range": "1h", "$instance": ".*", "$job_id": ".*"}
with open(sys.argv[2], "w") as out:
    out.write("groups:\n  - name: dashboard-queries\n    rules:\n")
    for i, (title, expr) in enumerate(exprs):
        for k, v in subst.items():
            expr = expr.replace(k, v)
        if "$" in expr:
            sys.exit(f"panel '{title}': unknown variable in {expr}")
        out.write(f"      - record: dashboard:query{i}\n        expr: {json.dumps(expr)}\n")
print(f"check-deploy: {len(exprs)} queries")
PY
  promtool check rules "$WORK/dashboard-queries.yml" >/dev/null || {
    promtool check rules "$WORK/dashboard-queries.yml" >&2 || true
    fail "$(basename "$dashboard"): a panel query does not parse as PromQL"
  }
done

step "OK"
