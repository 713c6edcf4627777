#!/usr/bin/env bash
# Executes one notebook N times in a row under the tslab kernel, each run under /tmp/nsbook-heavy.lock, and
# reports every self-check per run, the durations, and whether all N runs passed (exit 0) - for flakes.
#   scripts/repeat-notebook.sh 06-cgroups 30 [--json runs.json]
#   scripts/repeat-notebook.sh notebooks/ja/06-cgroups.ipynb 5
# Needs what the notebook tests need: npm run build, the kernelspec (node scripts/kernelspec.mjs), nbconvert.
set -euo pipefail
# A notebook given as a path is taken relative to where the command was typed.
if [[ $# -ge 1 && -f $1 ]]; then set -- "$(readlink -f "$1")" "${@:2}"; fi
cd "$(dirname "$(readlink -f "$0")")/.."
exec node --import tsx scripts/repeat/repeat-notebook.ts "$@"
