// Every notebook in notebooks/ja and notebooks/en, executed headlessly under the real tslab kernel through
// Jupyter, must run without error output (tslab reports errors as stderr), pass all its self-checks,
// show what its expectations ask for, and leave nothing of nsbook's behind. A Japanese notebook must print no
// English sentence (support/english-output.ts says what counts): every one is listed at once.
import { basename, dirname } from "node:path";
import { afterAll, expect, it } from "vitest";
import { committedNotebooks } from "../../scripts/notebooks/paths.js";
import { all, describeWhen } from "../support/requirements.js";
import { NOTEBOOK_EXPECTATIONS } from "./expectations.js";
import { analyzeRun, problemsOf } from "./support/analyze.js";
import { englishOutputProblems } from "./support/english-output.js";
import {
  executeNotebook,
  needBuild,
  needKernelspec,
  needNbconvert,
  needRootKernel,
} from "./support/jupyter.js";
import { leftoversAfterKernel, nsbookLeftovers } from "./support/leftovers.js";

const timings: string[] = [];

describeWhen(
  all(needRootKernel(), needNbconvert(), needKernelspec(), needBuild()),
  "notebooks executed under the tslab kernel",
  () => {
    afterAll(() => {
      if (timings.length > 0) process.stdout.write(`\nnotebook run times:\n${timings.join("\n")}\n`);
    });

    it("finds notebooks to run", () => {
      expect(committedNotebooks().length).toBeGreaterThan(0);
    });

    for (const path of committedNotebooks()) {
      const name = basename(path, ".ipynb");
      const lang = basename(dirname(path));
      it(`${lang}/${name} runs cleanly, passes its self-checks and leaves nothing behind`, async () => {
        const before = nsbookLeftovers();
        const { notebook, durationMs } = await executeNotebook(path);
        const run = analyzeRun(notebook);
        const slowest = [...run.cellSeconds].sort((a, b) => b.seconds - a.seconds)[0];
        timings.push(
          `  ${lang}/${name}: ${(durationMs / 1000).toFixed(1)} s, ${run.checks.length} checks` +
            (slowest ? `, slowest cell ${slowest.id ?? slowest.cell} ${slowest.seconds.toFixed(1)} s` : ""),
        );
        const problems = problemsOf(run, NOTEBOOK_EXPECTATIONS[name]);
        for (const l of await leftoversAfterKernel(before)) problems.push(`left behind: ${l}`);
        if (lang === "ja") problems.push(...englishOutputProblems(notebook));
        expect(problems, `${lang}/${name}:\n${problems.join("\n")}`).toEqual([]);
      });
    }
  },
);
