// What the notebook tests need from the machine: Jupyter's nbconvert, the kernelspec, the build, a root kernel.
// Running the notebooks themselves is execute-notebook.ts.
import { join } from "node:path";
import { PROJECT_ROOT } from "../../../scripts/notebooks/paths.js";
// root-helper.js directly: the privilege index pulls in execa, which tsx (test/learner-host) cannot require.
import { passwordlessRoot } from "../../../src/lib/privilege/root-helper.js";
import { needPath, type Requirement } from "../../support/requirements.js";
import { JUPYTER_PATH, KERNEL_NAME, nbconvertCommand } from "./execute-notebook.js";

export {
  type ExecutedNotebook,
  executeNotebook,
  JUPYTER_PATH,
  jupyterEnv,
  KERNEL_NAME,
  nbconvertCommand,
  pythonWithJupyterClient,
} from "./execute-notebook.js";

/** nbconvert can be run. */
export function needNbconvert(): Requirement {
  const ok = nbconvertCommand() !== undefined;
  return {
    ok,
    reason: ok
      ? ""
      : "needs Jupyter's nbconvert + nbclient (apt-get install jupyter-nbconvert python3-nbclient, or pip install nbconvert)",
  };
}

/** The nsbook kernelspec has been written. */
export function needKernelspec(): Requirement {
  return needPath(
    join(JUPYTER_PATH, "kernels", KERNEL_NAME, "kernel.json"),
    "run `node scripts/kernelspec.mjs`",
  );
}

/**
 * The course kernel will run as root: the tests run as root, or as a learner whose kernel bin/nsbook-kernel starts
 * through the course's sudo rule (or passwordless sudo) - the same choice it makes.
 */
export function needRootKernel(): Requirement {
  if (process.getuid?.() === 0) return { ok: true, reason: "" };
  const ok = passwordlessRoot(join(PROJECT_ROOT, "dist", "cli", "main.js")) !== undefined;
  return {
    ok,
    reason: ok
      ? ""
      : "needs a root Jupyter kernel: run the tests as root, or grant this user the course's sudo rule (sudo scripts/kernel-access.sh grant --user $USER)",
  };
}

/** The library has been compiled (notebooks import dist/). */
export function needBuild(): Requirement {
  return needPath(
    join(PROJECT_ROOT, "dist", "kernel-helpers", "index.js"),
    "run `npm run build` first (npm test does)",
  );
}
