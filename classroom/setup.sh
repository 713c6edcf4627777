#!/usr/bin/env bash
# Sets up this checkout as a classroom on one lab server (as root): JupyterHub (PyPI, pinned) in .venv-classroom,
# configurable-http-proxy (npm) in .classroom-proxy, the course's kernelspec. Idempotent. Then add learners with
# classroom/learners.sh and start the hub with classroom/hub.sh (see README, "A classroom on one lab server").
set -euo pipefail
checkout=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$checkout"
[[ $EUID -eq 0 ]] || { echo "classroom/setup.sh: run it as root (JupyterHub starts each learner's server as that learner)" >&2; exit 1; }
# The proxy's version: the newest 5.3.x, JupyterHub 6's supported proxy.
PROXY_SPEC=configurable-http-proxy@5.3
venv=$checkout/.venv-classroom

if [[ ! -x $venv/bin/jupyterhub ]]; then
  echo "classroom: installing JupyterHub and JupyterLab into $venv (pinned)"
  /usr/bin/python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --disable-pip-version-check -q \
    -c scripts/setup/jupyter-constraints.txt -c classroom/hub-constraints.txt 'jupyterlab>=4,<5' jupyterhub
fi
if [[ ! -x $checkout/.classroom-proxy/node_modules/.bin/configurable-http-proxy ]]; then
  echo "classroom: installing $PROXY_SPEC into .classroom-proxy (not a dependency of the course itself)"
  mkdir -p .classroom-proxy
  npm install --no-save --no-audit --no-fund --prefix .classroom-proxy "$PROXY_SPEC" >/dev/null
fi
node scripts/kernelspec.mjs >/dev/null
[[ -f dist/lib/index.js ]] || npm run build >/dev/null
# Learners read (never write) the checkout: the notebooks' imports, dist/, node_modules/, the kernel's scripts.
chmod -R a+rX dist bin scripts notebooks .jupyter-local "$venv" .classroom-proxy
echo "classroom: ready ($("$venv/bin/jupyterhub" --version), proxy $("$checkout/.classroom-proxy/node_modules/.bin/configurable-http-proxy" --version))"
