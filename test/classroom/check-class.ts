// Judges a class run of test/classroom/drive_learners.py (scripts/test-classroom.sh): every learner's executed
// notebooks through test/notebooks' own analysis (self-checks green, no errors, the notebook's expectations),
// and every learner's output their own (their kernel ran for them: uid, scope, a kernel owner no one else had).
//   tsx test/classroom/check-class.ts OUT LEARNER:UID...
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseNotebook } from "../../scripts/notebooks/notebook-json.js";
import { NOTEBOOK_EXPECTATIONS } from "../notebooks/expectations.js";
import { analyzeRun, problemsOf } from "../notebooks/support/analyze.js";

interface LearnerReport {
  learner: string;
  error: string | null;
  serverReadyS?: number;
  totalS?: number;
  notebooks: Record<string, { seconds: number; identity: { uid: number; scope: string; owner: string } }>;
}

const [out, ...learnerArgs] = process.argv.slice(2);
if (!out || learnerArgs.length === 0) {
  process.stderr.write("usage: check-class.ts OUT LEARNER:UID...\n");
  process.exit(2);
}
const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as Record<string, LearnerReport>;
const problems: string[] = [];
const owners = new Map<string, string>();
for (const arg of learnerArgs) {
  const [learner = "", uid = ""] = arg.split(":");
  const r = report[learner];
  if (!r) {
    problems.push(`${learner}: no report`);
    continue;
  }
  if (r.error) problems.push(`${learner}: ${r.error}`);
  const executed = readdirSync(join(out, learner)).filter((f) => f.endsWith(".ipynb"));
  const line: string[] = [];
  for (const file of executed.sort()) {
    const stem = file.replace(/\.ipynb$/, "");
    const run = analyzeRun(parseNotebook(readFileSync(join(out, learner, file), "utf8")));
    for (const p of problemsOf(run, NOTEBOOK_EXPECTATIONS[stem] ?? {}))
      problems.push(`${learner} ${stem}: ${p}`);
    const passed = run.checks.filter((c) => c.passed).length;
    const info = r.notebooks[stem];
    line.push(`${stem} ${passed}/${run.checks.length} checks ${info?.seconds ?? "?"} s`);
    const identity = info?.identity;
    if (!identity) {
      problems.push(`${learner} ${stem}: the kernel did not say who it ran for`);
      continue;
    }
    if (String(identity.uid) !== "0")
      problems.push(`${learner} ${stem}: the kernel ran as uid ${identity.uid}, not root`);
    if (!identity.scope?.startsWith(`${learner}/`))
      problems.push(`${learner} ${stem}: the kernel's scope is ${identity.scope}, not one of ${learner}'s`);
    const other = owners.get(identity.owner);
    if (other) problems.push(`${learner} ${stem}: kernel owner ${identity.owner} is also ${other}'s`);
    owners.set(identity.owner, `${learner} ${stem}`);
  }
  process.stdout.write(
    `${learner} (uid ${uid}): server ready in ${r.serverReadyS ?? "?"} s, total ${r.totalS ?? "?"} s; ${line.join("; ")}\n`,
  );
}
for (const p of problems) process.stdout.write(`PROBLEM ${p}\n`);
process.exit(problems.length > 0 ? 1 : 0);
