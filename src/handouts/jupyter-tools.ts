// Finding a Python with Jupyter's nbclient/nbconvert and the project's "nsbook" kernelspec, and the
// environment the notebooks run in.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { NsbookError, runHost } from "../lib/index.js";
import { findOnPath } from "./find-program.js";

/** Name of the course kernelspec (scripts/kernelspec.mjs writes it). */
export const KERNEL_NAME = "nsbook";

/** The folder Jupyter must find on JUPYTER_PATH for the kernelspec: `<root>/.jupyter-local`. */
export function jupyterLocalDir(root: string): string {
  return join(root, ".jupyter-local");
}

/**
 * Pythons that may have Jupyter, best first: the project's .venv (JupyterLab from pip, see setup.sh),
 * Debian's own /usr/bin/python3 (python3-nbconvert, python3-nbclient), then python3 on PATH (a pyenv or
 * conda Python first on PATH often lacks Jupyter, so it comes last).
 */
export function pythonCandidates(root: string, pathVariable = process.env.PATH ?? ""): string[] {
  const candidates = [join(root, ".venv", "bin", "python"), "/usr/bin/python3"];
  const onPath = findOnPath("python3", pathVariable);
  if (onPath) candidates.push(onPath);
  return [...new Set(candidates)];
}

/** The first Python that imports nbclient, nbformat and nbconvert; undefined when none does. */
export async function findJupyterPython(root: string): Promise<string | undefined> {
  for (const python of pythonCandidates(root)) {
    if (!existsSync(python)) continue;
    const r = await runHost([python, "-c", "import nbclient, nbformat, nbconvert"], {
      allowFailure: true,
      timeoutMs: 60_000,
    });
    if (!r.failed) return python;
  }
  return undefined;
}

/** How to get Jupyter, for the error when there is none. */
export const JUPYTER_MISSING =
  "no Python with Jupyter's nbclient and nbconvert was found (tried .venv/bin/python, /usr/bin/python3, " +
  "python3). Run ./setup.sh, or install them: " +
  "`sudo apt-get install jupyter-notebook python3-nbconvert python3-nbclient`.";

/** Environment added for Jupyter: the project's kernelspec first on JUPYTER_PATH, the notebook's language. */
export function jupyterEnv(root: string, lang: string, current = process.env): Record<string, string> {
  const local = jupyterLocalDir(root);
  return {
    JUPYTER_PATH: current.JUPYTER_PATH ? `${local}:${current.JUPYTER_PATH}` : local,
    // The helpers speak the notebook's language; a stray NSBOOK_LANG in the shell must not override it.
    NSBOOK_LANG: lang,
    // Python 3.11's debugpy warns about frozen modules on every kernel start otherwise.
    PYDEVD_DISABLE_FILE_VALIDATION: "1",
  };
}

/**
 * Makes sure `<root>/.jupyter-local/kernels/nsbook/kernel.json` exists, writing it with
 * scripts/kernelspec.mjs when it is missing. Resolves with a note when it had to write it.
 */
export async function ensureKernelspec(root: string): Promise<string | undefined> {
  const spec = join(jupyterLocalDir(root), "kernels", KERNEL_NAME, "kernel.json");
  if (existsSync(spec)) return undefined;
  const script = join(root, "scripts", "kernelspec.mjs");
  if (!existsSync(script)) {
    throw new NsbookError(
      "jupyter",
      `the nsbook kernelspec is missing (${spec}) and ${script} is not there to write it: run ./setup.sh`,
    );
  }
  await runHost([process.execPath, script], { what: "write the nsbook kernelspec", cwd: root });
  return `wrote the nsbook kernelspec (${spec})`;
}
