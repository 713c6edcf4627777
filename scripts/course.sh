#!/usr/bin/env bash
# `npm run course`: starts Jupyter serving notebooks/ with the project-local "nsbook (TypeScript)" kernel
# as the default for new notebooks. JupyterLab when installed (.venv from ./setup.sh, or on PATH), else
# the classic notebook. Any argument goes to Jupyter: --ip=0.0.0.0, --port=8888, --no-browser, ...
# NSBOOK_JUPYTER=classic forces the classic notebook.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
notebooks=$root/notebooks
kernel=$root/.jupyter-local/kernels/nsbook/kernel.json

fail() {
  printf '[course] %s\n' "$*" >&2
  exit 1
}

[[ -f $kernel ]] || fail "the nsbook kernel is not registered ($kernel missing): run ./setup.sh first"
[[ -f $root/dist/lib/index.js ]] || fail "the library is not built (dist/ missing): run ./setup.sh (or npm run build)"

# A program that exists and runs (a pyenv shim on PATH may exist but fail).
runs() { command -v "$1" >/dev/null && "$1" --version >/dev/null 2>&1; }

kind="" bin=""
if [[ ${NSBOOK_JUPYTER:-auto} != classic ]]; then
  if runs "$root/.venv/bin/jupyter-lab"; then
    kind=lab bin=$root/.venv/bin/jupyter-lab
  elif runs jupyter-lab; then
    kind=lab bin=$(command -v jupyter-lab)
  fi
fi
if [[ -z $kind ]]; then
  if runs jupyter-notebook; then
    kind=classic bin=$(command -v jupyter-notebook)
  else
    fail "no Jupyter found (neither jupyter-lab nor jupyter-notebook): run ./setup.sh first"
  fi
fi

# Jupyter finds kernelspecs in <each JUPYTER_PATH entry>/kernels: ours comes first.
export JUPYTER_PATH=$root/.jupyter-local${JUPYTER_PATH:+:$JUPYTER_PATH}

args=(--MultiKernelManager.default_kernel_name=nsbook)
# The classic notebook (6.x) names its folder option NotebookApp.notebook_dir; jupyter_server (JupyterLab 3+)
# ServerApp.root_dir. The kernel manager option is MultiKernelManager's in both (their managers subclass it).
if [[ $kind == lab ]]; then
  args+=(--ServerApp.root_dir="$notebooks")
else
  args+=(--NotebookApp.notebook_dir="$notebooks")
fi
# The page Jupyter opens (and the address it prints): the start page, notebook 00, in the learner's language.
# A --LabApp.default_url= or --NotebookApp.default_url= given to `npm run course` comes later and wins.
lang=en
[[ ${LC_ALL:-${LC_MESSAGES:-${LANG:-}}} == ja* ]] && lang=ja
start=$lang/00-preflight.ipynb
if [[ $kind == lab ]]; then
  args+=(--LabApp.default_url="/lab/tree/$start")
else
  args+=(--NotebookApp.default_url="/notebooks/$start")
fi
# Jupyter refuses to run as root unless told: root is how this course runs containers without sudo.
[[ $(id -u) -eq 0 ]] && args+=(--allow-root)

if [[ $kind == lab ]]; then
  printf '[course] JupyterLab (%s) serving %s with the nsbook kernel as default.\n' "$bin" "$notebooks"
else
  printf '[course] classic Jupyter notebook (%s) serving %s with the nsbook kernel as default.\n' "$bin" "$notebooks"
fi
printf '[course] Open the http://...?token=... URL Jupyter prints below (it opens %s); Ctrl+C twice stops it.\n' "$start"
# Who the kernel will run as (bin/nsbook-kernel decides the same way): say it now, not in notebook 01.
if [[ $(id -u) -ne 0 ]] && ! "$root/scripts/kernel-access.sh" status >/dev/null 2>&1 && ! sudo -n true 2>/dev/null; then
  printf '[course] NOTE: the nsbook kernel will run as %s, rootless: notebooks 01-11 need root and will stop at their\n' "$(id -un)"
  printf '[course]       first cell. To run them: ./setup.sh --kernel-root=yes (it says what it grants), then start again.\n'
fi
exec "$bin" "${args[@]}" "$@"
