#!/usr/bin/env bash
# Fails when a test secret (testkit TestSecrets: fixture keys, webhook secrets, the shared PostgreSQL
# password, API tokens, private keys) appears in the logs of the test run: every module's
# target/test-logs/ and the surefire/failsafe *-output.txt files. Run after `mvn verify`; it also
# fails when it finds no logs at all, so it cannot pass by reading nothing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CLASSES="$ROOT/testkit/target/classes"
if [[ ! -f "$CLASSES/io/auditline/testkit/secrets/TestLogScan.class" ]]; then
  echo "scan-test-logs: FAILED: $CLASSES has no TestLogScan (expected: the testkit module built first)" >&2
  exit 1
fi
exec "$JAVA" -cp "$CLASSES" io.auditline.testkit.secrets.TestLogScan "$ROOT"
