// Jupyter's Interrupt sends SIGINT to the kernel's process group. The kernel must survive it again and
// again, also after nsbook's library has run host commands (execa's default cleanup handler would make
// the second interrupt fatal; runHost turns it off).
import { execFile } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";
import { PROJECT_ROOT } from "../../scripts/notebooks/paths.js";
import { all, describeWhen } from "../support/requirements.js";
import { jupyterEnv, needBuild, needKernelspec, pythonWithJupyterClient } from "./support/jupyter.js";
import { needJupyterClient } from "./support/kernel-session.js";

interface Step {
  status: string;
  stdout: string;
  stderr: string;
}

describeWhen(
  all(needJupyterClient(), needKernelspec(), needBuild()),
  "interrupting the nsbook kernel",
  () => {
    it("survives interrupts during waits and host commands, and keeps answering", async () => {
      const python = pythonWithJupyterClient() as string;
      const probe = join(PROJECT_ROOT, "test", "notebooks", "support", "interrupt_probe.py");
      const stdout = await new Promise<string>((resolve, reject) =>
        execFile(
          python,
          [probe, join(PROJECT_ROOT, "notebooks", "en")],
          { env: jupyterEnv(), timeout: 300_000 },
          (e, out, err) => (e ? reject(new Error(`${e.message}\n${err}`)) : resolve(out)),
        ),
      );
      const result = JSON.parse(stdout.trim().split("\n").at(-1) as string) as {
        alive: boolean;
        steps: Step[];
        stray: string;
      };
      const [load, waitAfterSpawn, duringCommand, again, last] = result.steps;
      expect(load?.status).toBe("ok");
      // The learner reads one line (src/kernel/interrupted.ts), not tslab's error and its stack.
      for (const step of [waitAfterSpawn, duringCommand, again]) {
        expect(step?.status).toBe("error");
        expect(step?.stdout).toMatch(/^Interrupted — .*The kernel is fine/m);
        expect(step?.stderr).not.toMatch(/Interrupted asynchronously|\n\s+at /);
      }
      expect(last?.status).toBe("ok");
      expect(last?.stdout).toMatch(/alive 42/);
      // An interrupted cell's code goes on running (tslab only stops waiting for it): its late output shows
      // up elsewhere. That this arrived proves late output is collected...
      const everything = [...result.steps.map((s) => s.stdout + s.stderr), result.stray].join("\n");
      expect(everything).toMatch(/wait 1 finished/);
      // ...so the host command really ended: it shares the kernel's process group and got the SIGINT too.
      expect(everything).not.toMatch(/sleep finished/);
      expect(result.alive).toBe(true);
    });
  },
);
