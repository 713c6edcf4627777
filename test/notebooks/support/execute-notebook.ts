// Running notebooks headlessly: the real tslab kernel through Jupyter's nbconvert, from the notebook's folder.
// No vitest here: test/learner-host/run-notebooks.ts runs this outside vitest (in the learner's systemd VM).
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type Notebook, parseNotebook } from "../../../scripts/notebooks/notebook-json.js";
import { PROJECT_ROOT } from "../../../scripts/notebooks/paths.js";
import { retryIfKernelDidNotStart } from "../../../src/handouts/kernel-start-race.js";

/** Where Jupyter finds the project's kernelspec (written by scripts/kernelspec.mjs). */
export const JUPYTER_PATH = join(PROJECT_ROOT, ".jupyter-local");

/** Name of the course kernel. */
export const KERNEL_NAME = "nsbook";

function works(file: string, args: string[]): boolean {
  try {
    // Generous: importing nbconvert takes tens of seconds under qemu's TCG (test/learner-host).
    execFileSync(file, args, { stdio: "ignore", timeout: 180_000 });
    return true;
  } catch {
    return false;
  }
}

let cached: string[] | null | undefined;

/** The project's own Python, where ./setup.sh installs JupyterLab with pip (what `npm run course` serves). */
const VENV_PYTHON = join(PROJECT_ROOT, ".venv", "bin", "python");

/**
 * The command that runs nbconvert - the same Jupyter `npm run course` uses: the project's .venv (JupyterLab
 * from pip), else `jupyter nbconvert` on PATH, else a Python that has the nbconvert module (Debian's
 * /usr/bin/python3 — a pyenv `python3` may lack it).
 */
export function nbconvertCommand(): string[] | undefined {
  if (cached !== undefined) return cached ?? undefined;
  cached = null;
  if (works(VENV_PYTHON, ["-c", "import nbconvert, nbclient"])) cached = [VENV_PYTHON, "-m", "nbconvert"];
  else if (works("jupyter-nbconvert", ["--version"])) cached = ["jupyter-nbconvert"];
  else {
    for (const python of ["/usr/bin/python3", "python3"]) {
      if (works(python, ["-c", "import nbconvert, nbclient"])) {
        cached = [python, "-m", "nbconvert"];
        break;
      }
    }
  }
  return cached ?? undefined;
}

/** A Python with jupyter_client (for driving a kernel directly), if any. */
export function pythonWithJupyterClient(): string | undefined {
  return [VENV_PYTHON, "/usr/bin/python3", "python3"].find((p) => works(p, ["-c", "import jupyter_client"]));
}

/** Environment for Jupyter processes: the project's kernelspec on JUPYTER_PATH. */
export function jupyterEnv(): NodeJS.ProcessEnv {
  const path = process.env.JUPYTER_PATH ? `${JUPYTER_PATH}:${process.env.JUPYTER_PATH}` : JUPYTER_PATH;
  // PYDEVD_DISABLE_FILE_VALIDATION silences debugpy's "frozen modules" warning on Python 3.11.
  return { ...process.env, JUPYTER_PATH: path, PYDEVD_DISABLE_FILE_VALIDATION: "1" };
}

/** A notebook after running, with how long it took. */
export interface ExecutedNotebook {
  notebook: Notebook;
  durationMs: number;
  /** nbconvert's own stderr (its log), for failure messages. */
  log: string;
}

/**
 * Executes the notebook at `path` under the nsbook kernel, in the notebook's folder, and returns the
 * executed copy (the file itself is not changed). Cells keep running after a failing one
 * (`--allow-errors`), so the caller sees every problem; tslab reports failures as stderr text.
 * A kernel that fails to start at all (Jupyter's start-up race, the same test as `nsbook handouts`) is
 * started once more, and the first failure is printed; a failure of the notebook itself is not retried.
 */
export function executeNotebook(
  path: string,
  options: { timeoutSec?: number } = {},
): Promise<ExecutedNotebook> {
  return retryIfKernelDidNotStart(
    () => executeNotebookOnce(path, options),
    () => undefined, // a failed run rejects, with nbconvert's log in the message
    (log) =>
      process.stderr.write(
        `\n*** the kernel for ${path} did not start; trying once more:\n${log.slice(0, 600)}\n`,
      ),
  );
}

function executeNotebookOnce(path: string, options: { timeoutSec?: number } = {}): Promise<ExecutedNotebook> {
  const cmd = nbconvertCommand();
  if (!cmd)
    return Promise.reject(
      new Error("no nbconvert: run ./setup.sh (JupyterLab in .venv) or apt-get install jupyter-nbconvert"),
    );
  const [file, ...pre] = cmd as [string, ...string[]];
  const timeoutSec = options.timeoutSec ?? 600;
  const outDir = mkdtempSync(join(tmpdir(), "nsbook-nbtest-"));
  const args = [
    ...pre,
    "--to",
    "notebook",
    "--execute",
    // To a file, not --stdout: the tslab kernel shares nbconvert's stdout pipe and Node makes it non-blocking,
    // so a large notebook (PNG charts) written to the pipe can come out truncated.
    "--output-dir",
    outDir,
    "--output",
    "executed",
    "--allow-errors",
    `--ExecutePreprocessor.kernel_name=${KERNEL_NAME}`,
    `--ExecutePreprocessor.timeout=${timeoutSec}`,
    "--ExecutePreprocessor.startup_timeout=120",
    path,
  ];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        cwd: dirname(path),
        env: jupyterEnv(),
        maxBuffer: 256 * 1024 * 1024,
        timeout: (timeoutSec + 180) * 1000,
      },
      (error, _stdout, stderr) => {
        const durationMs = performance.now() - started;
        const executedPath = join(outDir, "executed.ipynb");
        let executed = "";
        try {
          if (!error) executed = readFileSync(executedPath, "utf8");
        } catch (e) {
          reject(new Error(`nbconvert wrote no executed notebook for ${path}: ${(e as Error).message}`));
          return;
        } finally {
          rmSync(outDir, { recursive: true, force: true });
        }
        if (error) {
          reject(
            new Error(
              `nbconvert failed on ${path} (${error.message.split("\n")[0]}):\n${stderr.slice(-4000)}`,
            ),
          );
          return;
        }
        try {
          resolve({ notebook: parseNotebook(executed, `executed ${path}`), durationMs, log: stderr });
        } catch (e) {
          reject(e);
        }
      },
    );
  });
}
