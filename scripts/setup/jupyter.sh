# shellcheck shell=bash
# shellcheck disable=SC2034 # the variables set here are read by setup.sh
# Jupyter: JupyterLab from PyPI into the project's .venv where PyPI answers, else Debian's classic
# notebook + nbconvert + nbclient. Says which it chose and why. Sourced.

VENV_DIR=.venv
# Debian's own Python: python3 on PATH may be a pyenv or conda one without venv/ensurepip.
SYSTEM_PYTHON=/usr/bin/python3
# jupyter-nbconvert and jupyter-client hold the `jupyter nbconvert` and `jupyter kernelspec` commands.
DEBIAN_JUPYTER_PACKAGES=(jupyter-notebook jupyter-nbconvert python3-nbclient jupyter-client)
JUPYTERLAB_SPEC='jupyterlab>=4,<5'
# The exact versions the browser tests ran (pip freeze of a fresh install): a fresh machine gets the same.
JUPYTERLAB_CONSTRAINTS=scripts/setup/jupyter-constraints.txt

# Prints why PyPI cannot be used (nothing, status 0, when it answers). Honours PIP_INDEX_URL and proxies.
pypi_unreachable_reason() {
  local index=${PIP_INDEX_URL:-https://pypi.org/simple}
  timeout 10 "$SYSTEM_PYTHON" - "${index%/}/pip/" <<'EOF' 2>&1 || { (($? == 124)) && echo "no answer in 10 s"; return 1; }
import sys, urllib.request
try:
    urllib.request.urlopen(urllib.request.Request(sys.argv[1], method="HEAD"), timeout=8)
except Exception as e:
    print(f"{sys.argv[1]}: {getattr(e, 'reason', e)}")
    sys.exit(1)
EOF
}

# Creates .venv and installs JupyterLab into it, as the invoking user. Returns non-zero on failure.
install_jupyterlab_venv() {
  if [[ -L $VENV_DIR && ! -d $VENV_DIR ]]; then
    warn "jupyter: $VENV_DIR is a symlink to $(readlink "$VENV_DIR"), which is no folder: remove it (rm $VENV_DIR) or make it point to a venv, then run ./setup.sh again"
    return 1
  fi
  say "jupyter: creating $VENV_DIR and installing JupyterLab with pip (about a minute)"
  local t0
  t0=$(now_ms)
  as_user "$SYSTEM_PYTHON" -m venv "$VENV_DIR" || return 1
  local pip=("$VENV_DIR/bin/python" -m pip install --disable-pip-version-check -q)
  if ! as_user "${pip[@]}" -c "$JUPYTERLAB_CONSTRAINTS" "$JUPYTERLAB_SPEC"; then
    # The pins were made with Debian 12's Python 3.11; an older Python (Ubuntu 22.04's 3.10) cannot have some.
    warn "jupyter: the tested versions ($JUPYTERLAB_CONSTRAINTS) do not install with this Python: the newest $JUPYTERLAB_SPEC instead"
    as_user "${pip[@]}" "$JUPYTERLAB_SPEC" || return 1
  fi
  note "jupyter: JupyterLab installed in $VENV_DIR ($((($(now_ms) - t0) / 1000)) s)"
  CHANGED+=("jupyterlab in $VENV_DIR")
}

# JupyterLab's settings for the course, in .venv (<sys.prefix>/share/jupyter/lab/settings/overrides.json: they
# replace JupyterLab's defaults; a learner's own settings still win): no "official Jupyter news?" pop-up over the
# start page and no fetch of news or update checks (a classroom may have no internet); the table of contents lists
# the notebooks' markdown headings only, not the headings of HTML outputs.
LAB_OVERRIDES=scripts/setup/jupyterlab-overrides.json
ensure_lab_settings() {
  local dir=$VENV_DIR/share/jupyter/lab/settings
  [[ -d $VENV_DIR/share/jupyter/lab ]] || return 0
  if cmp -s "$LAB_OVERRIDES" "$dir/overrides.json"; then
    say "jupyter: JupyterLab settings for the course (up to date)"
    return 0
  fi
  as_user mkdir -p "$dir"
  as_user cp "$LAB_OVERRIDES" "$dir/overrides.json"
  say "jupyter: JupyterLab settings for the course: $dir/overrides.json (no news pop-up, table of contents from headings)"
  CHANGED+=("JupyterLab settings")
}

# Debian's classic notebook.
use_debian_jupyter() {
  ensure_packages "jupyter (Debian: classic notebook, nbconvert, nbclient)" "${DEBIAN_JUPYTER_PACKAGES[@]}"
  JUPYTER_KIND="classic notebook (Debian packages)"
}

# Chooses and installs Jupyter. NSBOOK_JUPYTER (or --jupyter=): auto (default), lab, classic.
ensure_jupyter() {
  local mode=${NSBOOK_JUPYTER:-auto}
  case $mode in auto | lab | classic) ;; *) NSBOOK_DIE_CODE=2 die "--jupyter=$mode: expected auto, lab or classic" ;; esac

  if [[ $mode != classic && -x $VENV_DIR/bin/jupyter-lab ]]; then
    say "jupyter: JupyterLab in $VENV_DIR (already installed)"
    JUPYTER_KIND="JupyterLab ($VENV_DIR)"
    ensure_lab_settings
    return 0
  fi
  if [[ $mode == classic ]]; then
    say "jupyter: classic notebook from Debian (asked for with --jupyter=classic)"
    use_debian_jupyter
    return 0
  fi

  local why
  if [[ $mode == lab ]] || why=$(pypi_unreachable_reason); then
    if [[ $mode == lab ]]; then
      say "jupyter: JupyterLab with pip into $VENV_DIR (asked for with --jupyter=lab; pip's own index settings apply)"
    else
      say "jupyter: PyPI answers: JupyterLab with pip into $VENV_DIR"
    fi
    ensure_packages "python venv" python3-venv
    local had_venv=no
    [[ -e $VENV_DIR || -L $VENV_DIR ]] && had_venv=yes
    if install_jupyterlab_venv; then
      JUPYTER_KIND="JupyterLab ($VENV_DIR, installed with pip)"
      ensure_lab_settings
      return 0
    fi
    # Remove only a venv this run created: a .venv that was there before is the user's.
    [[ $had_venv == yes ]] || rm -rf "$VENV_DIR"
    [[ $mode == lab ]] && die "pip could not install JupyterLab (see above); --jupyter=lab asked for it"
    warn "pip could not install JupyterLab (see above): falling back to Debian's classic notebook"
  else
    say "jupyter: PyPI does not answer ($why): Debian's classic notebook instead of JupyterLab"
  fi
  use_debian_jupyter
}
