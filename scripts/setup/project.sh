# shellcheck shell=bash
# shellcheck disable=SC2034 # the variables set here are read by setup.sh
# The project's own steps after the build: the Jupyter kernel, the default root filesystem, and `nsbook`
# on PATH. Sourced.

# The project-local kernelspec "nsbook (TypeScript)" in .jupyter-local/ (no global install, no IPython).
ensure_kernelspec() {
  if [[ ! -f scripts/kernelspec.mjs ]]; then
    warn "kernel: scripts/kernelspec.mjs is missing: the nsbook kernel is not registered"
    note "kernel: NOT registered (scripts/kernelspec.mjs missing)"
    return 0
  fi
  local out
  out=$(as_user node scripts/kernelspec.mjs)
  if [[ $out == *"up to date"* ]]; then
    say "kernel: \"nsbook (TypeScript)\" in .jupyter-local/kernels/nsbook (up to date)"
  else
    say "kernel: wrote .jupyter-local/kernels/nsbook/kernel.json (\"nsbook (TypeScript)\")"
    CHANGED+=("kernelspec")
  fi
}

# Who the course's Jupyter kernel runs as. Jupyter runs as the learner; the kernel needs root. For a user who
# is not root, scripts/kernel-access.sh installs one sudo rule for one root-owned program (it says exactly what,
# and asks): bin/nsbook-kernel then starts the kernel through `sudo -n`. Without it the kernel runs rootless.
ensure_kernel_access() {
  local user=${INVOKING_USER:-$(id -un)} mode=${NSBOOK_KERNEL_ROOT:-ask}
  case $mode in ask | yes | no) ;; *) NSBOOK_DIE_CODE=2 die "--kernel-root=$mode: expected ask, yes or no" ;; esac
  if [[ $user == root ]]; then
    say "kernel: runs as root (you run Jupyter as root)"
    return 0
  fi
  local status
  if status=$(as_user scripts/kernel-access.sh status --user "$user" 2>&1) && [[ $status != *"another checkout"* ]]; then
    say "kernel: runs as root through the course's sudo rule for $user (already granted)"
    return 0
  fi
  if [[ $mode == no ]]; then
    say "kernel: runs as $user, rootless (--kernel-root=no); steps 6 and 8 need root"
    note "kernel: rootless (grant root later: sudo scripts/kernel-access.sh grant --user $user)"
    return 0
  fi
  if [[ $mode == ask ]]; then
    if [[ ! -t 0 ]]; then
      say "kernel: runs as $user, rootless: no terminal to ask whether it may run as root"
      note "kernel: rootless (to run it as root: ./setup.sh --kernel-root=yes, or sudo scripts/kernel-access.sh grant --user $user)"
      return 0
    fi
    echo
    scripts/kernel-access.sh explain --user "$user"
    local answer
    read -r -p "[setup] Grant this? (sudo asks for your password once) [y/N] " answer
    if [[ $answer != [yY]* ]]; then
      say "kernel: runs as $user, rootless (not granted); steps 6 and 8 need root"
      note "kernel: rootless (to run it as root later: ./setup.sh --kernel-root=yes)"
      return 0
    fi
  fi
  can_be_root || die "--kernel-root: needs sudo on a terminal (or run: sudo scripts/kernel-access.sh grant --user $user --yes)"
  as_root scripts/kernel-access.sh grant --user "$user" --yes >/dev/null || die "granting the kernel's sudo rule failed (see above)"
  say "kernel: runs as root through the course's sudo rule for $user (granted: /etc/sudoers.d/zz-nsbook-$user)"
  CHANGED+=("sudo rule for the kernel")
}

# The offline busybox root filesystem (`nsbook rootfs default` is idempotent), where the kernel will look:
# /var/lib/nsbook for root (nsbook runs itself as root through the kernel's rule), ~/.local/share/nsbook rootless.
ensure_default_rootfs() {
  if [[ ! -f dist/cli/commands/rootfs.js ]]; then
    warn "rootfs: this build has no \`nsbook rootfs\` command yet: the default root filesystem is not prepared"
    note "rootfs: NOT prepared (no \`nsbook rootfs\` command in this build)"
    return 0
  fi
  say "rootfs: bin/nsbook rootfs default"
  local out
  out=$(as_user bin/nsbook rootfs default) || die "bin/nsbook rootfs default failed (its message is above)"
  local line
  while IFS= read -r line; do say "  $line"; done <<<"$out"
  [[ $out == *"up to date"* ]] || CHANGED+=("default rootfs")
}

LINK=/usr/local/bin/nsbook

# Puts `nsbook` on PATH through a symlink in /usr/local/bin, never replacing someone else's file: only
# when absent, dangling, or already pointing here (--relink replaces a link to another checkout).
ensure_nsbook_on_path() {
  local target=$PWD/bin/nsbook current
  if [[ -L $LINK ]]; then
    current=$(readlink "$LINK")
    if [[ $current == "$target" ]]; then
      say "path: $LINK -> $target (already)"
      NSBOOK_COMMAND=nsbook
      return 0
    fi
    if [[ -e $LINK && ${RELINK:-no} != yes ]]; then
      say "path: $LINK points to another checkout ($current): left alone (--relink points it here)"
      NSBOOK_COMMAND="$PWD/bin/nsbook"
      return 0
    fi
  elif [[ -e $LINK ]]; then
    say "path: $LINK exists and is not our link: left alone"
    NSBOOK_COMMAND="$PWD/bin/nsbook"
    return 0
  fi
  if [[ ! -d /usr/local/bin ]] || ! can_be_root_quietly; then
    say "path: cannot write /usr/local/bin without a password: use ./bin/nsbook, or add $PWD/bin to PATH"
    NSBOOK_COMMAND="$PWD/bin/nsbook"
    return 0
  fi
  as_root ln -sfn "$target" "$LINK"
  say "path: linked $LINK -> $target"
  CHANGED+=("symlink $LINK")
  NSBOOK_COMMAND=nsbook
}

# The static chroot-escape program of notebook 11 (tools/chroot-escape.c), compiled into <dataDir>/tools by the
# library (idempotent: rebuilt only when the source is newer). Without gcc the notebook skips that demonstration.
ensure_escape_tool() {
  if [[ ! -f dist/lib/hardening/escape-tool.js ]]; then
    note "escape tool: NOT built (this build has no dist/lib/hardening)"
    return 0
  fi
  local out
  # shellcheck disable=SC2016 # the script is JavaScript, run by node
  out=$(as_user node -e 'require("./dist/lib/hardening/escape-tool.js").ensureChrootEscapeTool().then(
    (r) => console.log(r.available ? (r.built ? "built " : "up to date ") + r.path : "skipped: " + r.reason))') ||
    die "building tools/chroot-escape.c failed (its message is above)"
  say "escape tool: $out"
  [[ $out == built* ]] && CHANGED+=("chroot-escape tool")
  return 0
}

# Marks the course's notebooks trusted for this user (`jupyter trust`: a signature in the user's Jupyter data
# folder), so Jupyter shows their HTML outputs and does not call them "not trusted". Jupyter signs a notebook
# again whenever it saves one the user ran; a notebook regenerated since (npm run notebooks:generate) needs this
# again. Skipped without a Jupyter that has `jupyter trust` (nbformat).
ensure_trusted_notebooks() {
  local trust=()
  if [[ -x $VENV_DIR/bin/jupyter-trust ]]; then
    trust=("$VENV_DIR/bin/jupyter-trust")
  elif command -v jupyter-trust >/dev/null; then
    trust=(jupyter-trust)
  elif "$SYSTEM_PYTHON" -c 'import nbformat.sign' 2>/dev/null; then
    # Debian's classic notebook has nbformat but not the jupyter-trust command (package jupyter-nbformat).
    trust=("$SYSTEM_PYTHON" -m nbformat.sign)
  else
    say "trust: no \`jupyter trust\` here: the notebooks stay untrusted until you run them"
    return 0
  fi
  local out
  out=$(as_user "${trust[@]}" notebooks/*/*.ipynb 2>&1) || {
    warn "trust: \`${trust[*]}\` failed: $out"
    return 0
  }
  local signed
  signed=$(grep -c '^Signing notebook' <<<"$out" || true)
  if ((signed > 0)); then
    say "trust: $signed notebook(s) signed as trusted for ${INVOKING_USER:-$(id -un)}"
    CHANGED+=("trusted notebooks")
  else
    say "trust: the notebooks are trusted (already)"
  fi
}
