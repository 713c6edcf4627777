# shellcheck shell=bash
# Node.js: the version check, `npm ci` when the lockfile changed, and the TypeScript build. Sourced.

# execa 9 (ESM-only) is loaded through Node's require(esm): unflagged from 20.19 on the 20 line and from
# 22.12 on the 22 line (21 never had it). tslab's kernel runs on the same Node.
node_version_ok() {
  local major=$1 minor=$2
  ((major >= 23)) || ((major == 22 && minor >= 12)) || ((major == 20 && minor >= 19))
}

# Stops with how to get a usable Node when there is none.
check_node() {
  local how="Install Node.js 22 LTS: https://nodejs.org/en/download (NodeSource's apt repository, or nvm:
  \`nvm install 22\`). Debian's and Ubuntu's own nodejs packages are too old on Debian 12 / Ubuntu 24.04.
  If Node is installed for your user (nvm), run ./setup.sh as that user, not with sudo: it asks sudo itself."
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    NSBOOK_DIE_CODE=3 die "Node.js and npm not found on PATH.
  $how"
  fi
  local version major minor
  version=$(node -p 'process.versions.node')
  IFS=. read -r major minor _ <<<"$version"
  if ! node_version_ok "$major" "$minor"; then
    NSBOOK_DIE_CODE=3 die "Node.js $version cannot run nsbook: it needs 20.19+ on the 20 line or 22.12+ (21 and 22.0-22.11 lack require(esm)).
  $how"
  fi
  say "node: $version ($(command -v node)), npm $(npm --version)"
}

# What node_modules was installed from: the lockfile and Node's ABI (native addons such as canvas are
# built for one ABI).
npm_stamp_value() {
  printf '%s node-abi-%s\n' "$(sha256sum package-lock.json | cut -d' ' -f1)" "$(node -p 'process.versions.modules')"
}

NPM_STAMP=node_modules/.nsbook-setup-stamp

# canvas compiles from source (node-gyp); without the C libraries its install script fails or, on npm
# versions that block unreviewed install scripts, never runs. Either way this file is missing.
canvas_built() {
  [[ -f node_modules/canvas/build/Release/canvas.node ]] && node -e 'require("canvas")' 2>/dev/null
}

# Runs `npm ci` unless node_modules already matches package-lock.json for this Node.
ensure_node_modules() {
  local want reason=""
  want=$(npm_stamp_value)
  if [[ ! -d node_modules ]]; then
    reason="node_modules missing"
  elif [[ -f $NPM_STAMP && $(cat "$NPM_STAMP") == "$want" ]]; then
    if canvas_built; then
      say "npm: node_modules matches package-lock.json (npm ci skipped)"
      return 0
    fi
    reason="canvas is not built"
  elif [[ -f $NPM_STAMP ]]; then
    reason="package-lock.json or the Node ABI changed since the last set-up"
  elif node scripts/setup/node-modules-match.mjs && canvas_built; then
    # Installed by hand (npm ci/install) before the first set-up: adopt it rather than reinstall.
    write_as_user "$NPM_STAMP" "$want"
    say "npm: node_modules already matches package-lock.json (adopted, npm ci skipped)"
    return 0
  else
    reason="node_modules does not match package-lock.json"
  fi
  say "npm: ci ($reason)"
  local t0
  t0=$(now_ms)
  as_user npm ci --no-audit --no-fund
  canvas_built || die "npm ci finished but canvas is not built (node_modules/canvas/build/Release/canvas.node).
  canvas compiles from source: check the C toolchain and the cairo/pango/jpeg/gif/rsvg -dev packages above,
  then run ./setup.sh again."
  write_as_user "$NPM_STAMP" "$want"
  note "npm ci: $((($(now_ms) - t0) / 1000)) s"
  CHANGED+=("npm ci")
}

BUILD_STAMP=dist/.nsbook-build-stamp

# `npm run build` unless dist/ is newer than every source and config file that shapes it.
ensure_build() {
  if [[ -f $BUILD_STAMP && -f dist/cli/main.js ]] &&
    [[ -z $(find src tsconfig.json tsconfig.build.json package-lock.json -newer "$BUILD_STAMP" -print -quit) ]]; then
    say "build: dist/ is up to date (npm run build skipped)"
    return 0
  fi
  say "build: npm run build"
  local t0 started
  t0=$(now_ms)
  # The stamp takes the time the build started: a source saved during the build triggers the next one.
  started=$(mktemp)
  if ! as_user npm run --silent build; then
    rm -f "$started"
    die "npm run build failed (the TypeScript errors are above)"
  fi
  as_user touch -r "$started" "$BUILD_STAMP"
  rm -f "$started"
  note "build: $((($(now_ms) - t0) / 1000)) s"
  CHANGED+=("build")
}
