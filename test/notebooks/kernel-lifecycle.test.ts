// However the course kernel ends - Jupyter's restart, or a crash (SIGKILL of the process Jupyter started: the
// kernel itself, or sudo in front of a learner's root kernel) - the containers it started must go with it.
// scripts/kernel/run-kernel.sh names each kernel (NSBOOK_OWNER) and its reaper runs `nsbook stop --owner`.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";
import { PROJECT_ROOT } from "../../scripts/notebooks/paths.js";
import { all, describeWhen } from "../support/requirements.js";
import {
  jupyterEnv,
  needBuild,
  needKernelspec,
  needRootKernel,
  pythonWithJupyterClient,
} from "./support/jupyter.js";
import { needJupyterClient } from "./support/kernel-session.js";

describeWhen(
  all(needJupyterClient(), needKernelspec(), needBuild(), needRootKernel()),
  "the course kernel's containers end with it",
  () => {
    it("removes a kernel's containers when Jupyter restarts it and when it is killed", async () => {
      const python = pythonWithJupyterClient() as string;
      const probe = join(PROJECT_ROOT, "test", "notebooks", "support", "lifecycle_probe.py");
      const stdout = await new Promise<string>((resolve, reject) =>
        execFile(
          python,
          [probe, join(PROJECT_ROOT, "notebooks", "en"), join(PROJECT_ROOT, "bin", "nsbook")],
          { env: jupyterEnv(), timeout: 300_000 },
          (e, out, err) => (e ? reject(new Error(`${e.message}\n${err}`)) : resolve(out)),
        ),
      );
      const result = JSON.parse(stdout.trim().split("\n").at(-1) as string) as {
        first: { status: string; out: string };
        afterRestart: string[];
        second: { status: string; out: string };
        afterKill: string[];
      };
      // Root, whoever runs Jupyter, and named: the owner its containers record.
      expect(result.first.status).toBe("ok");
      expect(result.first.out).toMatch(/^0 kernel-[A-Za-z0-9]+-\d+$/);
      expect(result.afterRestart).toEqual([]);
      // The restarted kernel is another owner: the first one's reaper must not take its containers.
      expect(result.second.status).toBe("ok");
      expect(result.second.out).not.toBe(result.first.out);
      expect(result.afterKill).toEqual([]);
    });
  },
);
