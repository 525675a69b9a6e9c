#!/usr/bin/env bash
# Installs what mlteam's development needs on a fresh Debian machine: Chromium from Debian (for the
# browser tests; never a downloaded browser) when it is missing, then the npm packages (which also
# builds mlteam). Used by the README's quick start and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then apt=(apt-get); elif command -v sudo >/dev/null 2>&1; then apt=(sudo apt-get); else apt=(); fi
  if [ ${#apt[@]} -gt 0 ]; then
    echo "setup: installing Debian's chromium for the browser tests…"
    "${apt[@]}" update -qq
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq chromium >/dev/null
  else
    echo "setup: chromium is missing and cannot be installed here; the browser tests will fail (apt-get install -y chromium)" >&2
  fi
fi
# PostgreSQL from Debian, for the organisation store's tests (they start their own cluster in a
# temporary folder; nothing here starts a server).
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then apt=(apt-get); elif command -v sudo >/dev/null 2>&1; then apt=(sudo apt-get); else apt=(); fi
  if [ ${#apt[@]} -gt 0 ]; then
    echo "setup: installing Debian's postgresql for the organisation store's tests…"
    "${apt[@]}" update -qq
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq postgresql >/dev/null
  else
    echo "setup: PostgreSQL is missing and cannot be installed here; its tests will fail (apt-get install -y postgresql)" >&2
  fi
fi
# `npm install`, not `npm ci`: the registry this machine reaches lacks some of biome's optional
# per-platform packages, which npm then leaves out of the lock file, and `npm ci` refuses that.
# better-sqlite3 (the embedded evidence store) compiles from source here: about a minute.
npm install --no-audit --no-fund
