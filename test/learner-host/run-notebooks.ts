// Executes course notebooks as the notebook tests do - through Jupyter's nbconvert and the nsbook kernelspec -
// and judges them the same way (errors, self-checks, expectations), without vitest: in the learner's systemd
// VM (scripts/test-learner-host.sh) Node runs 15-25x slower, and the learner cannot write the checkout.
//   node --import tsx test/learner-host/run-notebooks.ts en/00-preflight en/06-cgroups ...
//   node --import tsx test/learner-host/run-notebooks.ts --expect-stop=REGEX en/09-user-namespaces
// Exits 1 when a notebook falls short; prints one line per problem and a timing per notebook. With
// --expect-stop the notebooks must instead stop at their first cell (NotebookStopped), having shown HTML that
// matches REGEX (the reason), and have run no self-check.
import { join } from "node:path";
import { PROJECT_ROOT } from "../../scripts/notebooks/paths.js";
import { NOTEBOOK_EXPECTATIONS } from "../notebooks/expectations.js";
import { analyzeRun, problemsOf } from "../notebooks/support/analyze.js";
import { executeNotebook } from "../notebooks/support/execute-notebook.js";

/**
 * What falls short of a notebook that must stop at its first cell with a reason matching `reason`. Only the cells
 * up to the stop count: "Run all" in Jupyter ends at the first error, while nbconvert --allow-errors (which the
 * tests use to see every problem) goes on into cells whose imports never ran.
 */
function stopProblems(run: ReturnType<typeof analyzeRun>, reason: RegExp): string[] {
  const stop = run.errors.find((e) => /stopped here/.test(e.text));
  if (!stop)
    return [
      "it did not stop",
      ...run.errors.map((e) => `cell ${e.cell} wrote an error: ${e.text.slice(0, 500)}`),
    ];
  const problems: string[] = [];
  for (const e of run.errors)
    if (e.cell < stop.cell)
      problems.push(`cell ${e.cell} wrote an error before the stop: ${e.text.slice(0, 500)}`);
  if (!run.html.some((h) => reason.test(h))) problems.push(`no output says why (expected ${reason})`);
  const before = run.checks.filter((c) => c.cell <= stop.cell);
  if (before.length > 0) problems.push(`${before.length} self-check(s) ran before the stop`);
  return problems;
}

async function main(argv: string[]): Promise<number> {
  const stopFlag = argv.find((a) => a.startsWith("--expect-stop="));
  const expectStop = stopFlag ? new RegExp(stopFlag.slice("--expect-stop=".length)) : undefined;
  const names = argv.filter((a) => a !== stopFlag);
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
      problems = expectStop
        ? stopProblems(run, expectStop)
        : problemsOf(run, NOTEBOOK_EXPECTATIONS[name.split("/").at(-1) ?? ""]);
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
