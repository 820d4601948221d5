#!/usr/bin/env bash
# Finds a JDK whose feature version is at least AUDITLINE_MIN_JAVA (default 21).
#
# Order: $JAVA_HOME when it qualifies; else the newest qualifying JDK under /usr/lib/jvm; else the
# JDK of the `java` on PATH when it qualifies.
#
#   scripts/find-jdk.sh          prints the JDK's home directory; exit 1 (message on stderr) if none
#   . scripts/find-jdk.sh        (sourced) exports JAVA_HOME and puts its bin/ first on PATH;
#                                returns 1 if none
#
# A JDK here is a directory with bin/java and bin/javac; its version comes from its `release` file,
# or from `java -XshowSettings:properties` when that file is missing.

_auditline_jdk_feature() { # JDK_HOME -> prints the feature version (17, 21, 25, ...) or nothing
  local home="$1" v=""
  [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 0
  if [[ -f "$home/release" ]]; then
    v="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release" | head -n1)"
  fi
  if [[ -z "$v" ]]; then
    v="$("$home/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = //p' | head -n1)"
  fi
  v="${v#1.}"          # 1.8 -> 8
  v="${v%%[.+-]*}"     # 25.0.3 -> 25
  [[ "$v" =~ ^[0-9]+$ ]] && echo "$v"
  return 0
}

_auditline_find_jdk() {
  local min="${AUDITLINE_MIN_JAVA:-21}" best="" best_v=0 v dir
  if [[ -n "${JAVA_HOME:-}" ]]; then
    v="$(_auditline_jdk_feature "$JAVA_HOME")"
    if [[ -n "$v" ]] && ((v >= min)); then echo "$JAVA_HOME"; return 0; fi
  fi
  for dir in /usr/lib/jvm/*/; do
    dir="${dir%/}"
    [[ -L "$dir" ]] && continue        # aliases of the real directories
    v="$(_auditline_jdk_feature "$dir")"
    if [[ -n "$v" ]] && ((v >= min && v > best_v)); then best="$dir"; best_v="$v"; fi
  done
  if [[ -n "$best" ]]; then echo "$best"; return 0; fi
  if command -v java >/dev/null 2>&1; then
    dir="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    v="$(_auditline_jdk_feature "$dir")"
    if [[ -n "$v" ]] && ((v >= min)); then echo "$dir"; return 0; fi
  fi
  echo "find-jdk: no JDK >= $min found (JAVA_HOME='${JAVA_HOME:-}', /usr/lib/jvm/*, java on PATH)" >&2
  return 1
}

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
  # sourced
  if _auditline_jdk_home="$(_auditline_find_jdk)"; then
    export JAVA_HOME="$_auditline_jdk_home"
    export PATH="$JAVA_HOME/bin:$PATH"
    unset _auditline_jdk_home
  else
    unset _auditline_jdk_home
    return 1
  fi
else
  set -euo pipefail
  _auditline_find_jdk
fi
