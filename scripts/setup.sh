#!/usr/bin/env bash
# Installs what mlteam's development needs on a fresh Debian machine: Chromium (for the browser
# tests; never a downloaded browser) and PostgreSQL (for the organisation store's tests) from Debian
# when they are missing, then the npm packages (which also builds mlteam). Used by the README's quick start and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

# Installs a Debian package (as root, or through sudo), or says which tests will fail without it.
install_debian_package() {
  local package=$1 purpose=$2
  if [ "$(id -u)" -eq 0 ]; then apt=(apt-get); elif command -v sudo >/dev/null 2>&1; then apt=(sudo apt-get); else apt=(); fi
  if [ ${#apt[@]} -gt 0 ]; then
    echo "setup: installing Debian's $package for $purpose…"
    "${apt[@]}" update -qq
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq "$package" >/dev/null
  else
    echo "setup: $package is missing and cannot be installed here; $purpose will fail (apt-get install -y $package)" >&2
  fi
}

if ! command -v chromium >/dev/null 2>&1; then
  install_debian_package chromium "the browser tests"
fi
# PostgreSQL, for the organisation store's tests (they start their own cluster in a temporary
# folder; nothing here starts a server).
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  install_debian_package postgresql "the organisation store's tests"
fi
# `npm install`, not `npm ci`: the registry this machine reaches lacks some of biome's optional
# per-platform packages, which npm then leaves out of the lock file, and `npm ci` refuses that.
# better-sqlite3 (the embedded evidence store) compiles from source here: about a minute.
npm install --no-audit --no-fund
