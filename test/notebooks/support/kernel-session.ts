// Runs a few cells in a fresh nsbook kernel (through jupyter_client) and returns every message they
// produced, including live-display updates, which an executed notebook file no longer shows.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../../scripts/notebooks/paths.js";
import type { Requirement } from "../../support/requirements.js";
import { jupyterEnv, pythonWithJupyterClient } from "./jupyter.js";

/** One iopub output of a cell. */
export interface KernelOutput {
  type: "stream" | "display_data" | "update_display_data" | "execute_result" | "error";
  name?: string;
  text?: string;
  data?: Record<string, string>;
  displayId?: string | null;
}

/** What one cell did. */
export interface CellResult {
  status: string;
  outputs: KernelOutput[];
}

/** Python's jupyter_client is there. */
export function needJupyterClient(): Requirement {
  const ok = pythonWithJupyterClient() !== undefined;
  return { ok, reason: ok ? "" : "needs Python's jupyter_client (apt-get install python3-jupyter-client)" };
}

/** Runs `cells` in order in one new kernel whose working directory is notebooks/<lang>. */
export function runCells(cells: readonly string[], lang: "en" | "ja" = "en"): Promise<CellResult[]> {
  const python = pythonWithJupyterClient();
  if (!python) return Promise.reject(new Error(needJupyterClient().reason));
  const script = join(PROJECT_ROOT, "test", "notebooks", "support", "run_cells.py");
  return new Promise((resolve, reject) => {
    const child = execFile(
      python,
      [script, join(PROJECT_ROOT, "notebooks", lang)],
      { env: jupyterEnv(), timeout: 300_000, maxBuffer: 64 * 1024 * 1024 },
      (e, stdout, stderr) => {
        if (e) {
          reject(new Error(`${e.message}\n${stderr}`));
          return;
        }
        const last = stdout.trim().split("\n").at(-1) ?? "";
        resolve((JSON.parse(last) as { cells: CellResult[] }).cells);
      },
    );
    child.stdin?.end(JSON.stringify(cells));
  });
}
