// A notebook of step N opens with requireRootKernel(N): under a kernel that is not root it must explain why and
// what to do, then stop "Run all" with one line - never a stack trace - before anything is created.
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { expect, it } from "vitest";
import { all, describeWhen, needPath, needRoot, needTool } from "../../support/requirements.js";

const ROOT = resolve(__dirname, "../../..");
const HELPERS = join(ROOT, "dist", "kernel-helpers", "index.js");

/** Runs `code` in node as nobody, with the helpers at `h`, and returns its output. */
function asNobody(code: string, env: Record<string, string> = {}): { status: number | null; out: string } {
  const r = spawnSync(
    "setpriv",
    ["--reuid=65534", "--regid=65534", "--clear-groups", "--", process.execPath, "-e", code],
    { cwd: "/tmp", encoding: "utf8", env: { PATH: process.env.PATH ?? "", ...env } },
  );
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describeWhen(
  all(needRoot(), needTool("setpriv", "util-linux"), needPath(HELPERS, "run `npm run build` first")),
  "requireRootKernel under a kernel that is not root",
  () => {
    it("explains the reason and the fix, and stops with one line, no stack", () => {
      const r = asNobody(
        `const h = require(${JSON.stringify(HELPERS)});
         try { h.requireRootKernel(2); console.log("NOT STOPPED"); }
         catch (e) { console.error(e); }`,
        { NSBOOK_KERNEL_ROOTLESS_WHY: "the course's sudo rule is not installed", USER: "learner" },
      );
      expect(r.out).toMatch(
        /This notebook \(step 02\) needs root, and this Jupyter kernel runs as learner \(uid 65534\): the course's sudo rule is not installed\./,
      );
      expect(r.out).toMatch(/\.\/setup\.sh --kernel-root=yes/);
      expect(r.out).toMatch(/^stopped here: this notebook needs a root kernel \(see above\)$/m);
      expect(r.out).not.toMatch(/NOT STOPPED|\n\s+at /);
    });

    it("lets a root kernel through without a word", () => {
      const r = spawnSync(
        process.execPath,
        ["-e", `require(${JSON.stringify(HELPERS)}).requireRootKernel(2); console.log("ran")`],
        {
          encoding: "utf8",
        },
      );
      expect(r.stdout).toBe("ran\n");
    });
  },
);
