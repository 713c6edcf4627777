#!/usr/bin/env bash
# Runs the classroom's JupyterHub in the foreground (as root; Ctrl-C stops it, its proxy and every learner's
# server). Learners open http://HOST:PORT and log in with their system account.
#   classroom/hub.sh [--port PORT] [--ip ADDRESS]      (default 127.0.0.1:8600; the hub uses PORT+1 and PORT+2)
set -euo pipefail
checkout=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
[[ $EUID -eq 0 ]] || { echo "classroom/hub.sh: run it as root (JupyterHub starts each learner's server as that learner)" >&2; exit 1; }
[[ -x $checkout/.venv-classroom/bin/jupyterhub ]] || { echo "classroom/hub.sh: run classroom/setup.sh first" >&2; exit 1; }
export NSBOOK_CHECKOUT=$checkout
while (($#)); do
  case $1 in
    --port) NSBOOK_CLASSROOM_PORT=${2:?--port needs a number}; shift 2 ;;
    --ip) NSBOOK_CLASSROOM_IP=${2:?--ip needs an address}; shift 2 ;;
    *) echo "usage: classroom/hub.sh [--port PORT] [--ip ADDRESS]" >&2; exit 2 ;;
  esac
done
[[ ${NSBOOK_CLASSROOM_PORT:-8600} =~ ^[0-9]{2,5}$ ]] || { echo "classroom/hub.sh: --port ${NSBOOK_CLASSROOM_PORT}: expected a port number" >&2; exit 2; }
export NSBOOK_CLASSROOM_PORT=${NSBOOK_CLASSROOM_PORT:-8600} NSBOOK_CLASSROOM_IP=${NSBOOK_CLASSROOM_IP:-127.0.0.1}
export NSBOOK_CLASSROOM_STATE=${NSBOOK_CLASSROOM_STATE:-$checkout/classroom/state}
mkdir -p -m 700 "$NSBOOK_CLASSROOM_STATE"
cd "$NSBOOK_CLASSROOM_STATE"
exec "$checkout/.venv-classroom/bin/jupyterhub" -f "$checkout/classroom/jupyterhub_config.py"
