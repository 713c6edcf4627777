// Executes one notebook N times in a row, each run under the machine's heavy lock (the tests' shared
// container names, bridge and /run/nsbook), and records per run: every self-check passed or failed, error
// output, leftovers, duration. Stops at nothing: all N runs happen, then a table and the verdict.
//   node --import tsx scripts/repeat/repeat-notebook.ts NOTEBOOK N [--lock FILE] [--json FILE]
// NOTEBOOK: a path (notebooks/en/06-cgroups.ipynb) or a name (06-cgroups, en assumed).
// Exit 0 only when all N runs passed every check of the notebook's expectations.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { NOTEBOOK_EXPECTATIONS } from "../../test/notebooks/expectations.js";
import { analyzeRun, problemsOf } from "../../test/notebooks/support/analyze.js";
import { executeNotebook } from "../../test/notebooks/support/execute-notebook.js";
import { newLeftovers, nsbookLeftovers } from "../../test/notebooks/support/leftovers.js";
import { PROJECT_ROOT } from "../notebooks/paths.js";

interface RunRecord {
  run: number;
  passed: boolean;
  seconds: number;
  checks: Record<string, boolean>;
  problems: string[];
}

function usage(message: string): never {
  process.stderr.write(
    `repeat-notebook: ${message}\nusage: scripts/repeat-notebook.sh NOTEBOOK N [--json FILE] [--lock FILE]   (e.g. 06-cgroups 30)\n`,
  );
  process.exit(2);
}

function notebookPath(arg: string): string {
  const candidates = [
    arg,
    join(PROJECT_ROOT, "notebooks", "en", arg.endsWith(".ipynb") ? arg : `${arg}.ipynb`),
  ];
  const found = candidates.map((c) => resolve(c)).find((c) => existsSync(c));
  if (!found) usage(`no notebook "${arg}" (looked at ${candidates.join(", ")})`);
  return found;
}

/** The body of one run, executed by a child of flock (this file with --once), so the lock is held per run. */
async function once(path: string, out: string): Promise<void> {
  const name = basename(path, ".ipynb");
  const before = nsbookLeftovers();
  const started = performance.now();
  const record: RunRecord = { run: 0, passed: false, seconds: 0, checks: {}, problems: [] };
  try {
    const { notebook } = await executeNotebook(path);
    const run = analyzeRun(notebook);
    for (const c of run.checks) record.checks[c.check] = c.passed && (record.checks[c.check] ?? true);
    record.problems = problemsOf(run, NOTEBOOK_EXPECTATIONS[name]);
  } catch (e) {
    record.problems.push(`execution failed: ${(e as Error).message}`);
  }
  for (const l of newLeftovers(before, nsbookLeftovers())) record.problems.push(`left behind: ${l}`);
  record.seconds = (performance.now() - started) / 1000;
  record.passed = record.problems.length === 0;
  writeFileSync(out, JSON.stringify(record));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--once") return once(args[1] as string, args[2] as string);
  const jsonAt = args.indexOf("--json");
  const jsonFile = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : undefined;
  const lockAt = args.indexOf("--lock");
  const lock = (lockAt >= 0 ? args.splice(lockAt, 2)[1] : undefined) ?? "/tmp/nsbook-heavy.lock";
  const [nb, countText] = args;
  if (!nb || !countText) usage("NOTEBOOK and N are required");
  const count = Number(countText);
  if (!Number.isInteger(count) || count < 1)
    usage(`N must be a whole number of runs, 1 or more (got "${countText}")`);
  const path = notebookPath(nb);
  const name = basename(path, ".ipynb");
  const expected = NOTEBOOK_EXPECTATIONS[name]?.checks ?? [];
  const records: RunRecord[] = [];
  const tmp = join("/tmp", `nsbook-repeat-${process.pid}.json`);
  for (let i = 1; i <= count; i++) {
    try {
      execFileSync("flock", [lock, process.execPath, "--import", "tsx", __filename, "--once", path, tmp], {
        stdio: "inherit",
        cwd: PROJECT_ROOT,
      });
    } catch (e) {
      process.stderr.write(`run ${i}: the runner itself failed: ${(e as Error).message}\n`);
    }
    let record: RunRecord;
    try {
      record = JSON.parse(readFileSync(tmp, "utf8")) as RunRecord;
    } catch {
      record = { run: i, passed: false, seconds: 0, checks: {}, problems: ["the run wrote no record"] };
    }
    record.run = i;
    rmSync(tmp, { force: true });
    records.push(record);
    const failedChecks = Object.entries(record.checks)
      .filter(([, ok]) => !ok)
      .map(([c]) => c);
    process.stdout.write(
      `[repeat] ${name} run ${i}/${count}: ${record.passed ? "PASS" : "FAIL"} ${record.seconds.toFixed(1)} s, ` +
        `${Object.keys(record.checks).length} checks${failedChecks.length ? `, failed: ${failedChecks.join("; ")}` : ""}\n`,
    );
    for (const p of record.problems)
      process.stdout.write(`    ${p.split("\n").slice(0, 6).join("\n    ")}\n`);
  }
  // Per check: passes out of runs.
  const checkIds = [...new Set([...expected, ...records.flatMap((r) => Object.keys(r.checks))])];
  process.stdout.write(`\n[repeat] ${name}: per check, runs passed of ${count}\n`);
  for (const c of checkIds) {
    const passes = records.filter((r) => r.checks[c] === true).length;
    process.stdout.write(`  ${passes === count ? "  " : "!!"} ${passes}/${count}  ${c}\n`);
  }
  const seconds = records.map((r) => r.seconds);
  const passedRuns = records.filter((r) => r.passed).length;
  process.stdout.write(
    `[repeat] ${name}: ${passedRuns}/${count} runs passed; run time min ${Math.min(...seconds).toFixed(1)} s, ` +
      `median ${[...seconds].sort((a, b) => a - b)[Math.floor(count / 2)]?.toFixed(1)} s, max ${Math.max(...seconds).toFixed(1)} s\n`,
  );
  if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(records, null, 2)}\n`);
  process.exitCode = passedRuns === count ? 0 : 1;
}

main().catch((e) => {
  process.stderr.write(`repeat-notebook: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
