// Executes course notebooks as the notebook tests do - through Jupyter's nbconvert and the nsbook kernelspec -
// and judges them the same way (errors, self-checks, expectations), without vitest: in the learner's systemd
// VM (scripts/test-learner-host.sh) Node runs 15-25x slower, and the learner cannot write the checkout.
//   node --import tsx test/learner-host/run-notebooks.ts en/00-preflight en/06-cgroups ...
// Exits 1 when a notebook falls short; prints one line per problem and a timing per notebook.
import { join } from "node:path";
import { PROJECT_ROOT } from "../../scripts/notebooks/paths.js";
import { NOTEBOOK_EXPECTATIONS } from "../notebooks/expectations.js";
import { analyzeRun, problemsOf } from "../notebooks/support/analyze.js";
import { executeNotebook } from "../notebooks/support/execute-notebook.js";

async function main(names: string[]): Promise<number> {
  if (names.length === 0) {
    process.stderr.write("usage: run-notebooks.ts LANG/NAME... (e.g. en/06-cgroups)\n");
    return 2;
  }
  let failed = 0;
  for (const name of names) {
    const path = join(PROJECT_ROOT, "notebooks", `${name}.ipynb`);
    const started = Date.now();
    let problems: string[];
    let checks = 0;
    try {
      const { notebook } = await executeNotebook(path, { timeoutSec: 1800 });
      const run = analyzeRun(notebook);
      checks = run.checks.length;
      problems = problemsOf(run, NOTEBOOK_EXPECTATIONS[name.split("/").at(-1) ?? ""]);
    } catch (e) {
      problems = [`did not run: ${(e as Error).message.slice(0, 2000)}`];
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    process.stdout.write(
      `[notebook] ${name}: ${problems.length === 0 ? "ok" : "FAILED"} (${checks} checks, ${seconds} s)\n`,
    );
    for (const p of problems) process.stdout.write(`  ${p}\n`);
    if (problems.length > 0) failed++;
  }
  return failed === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
