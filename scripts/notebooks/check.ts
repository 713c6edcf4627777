// Checks committed notebooks: no outputs, the nsbook kernel, ja/en pairs with identical code cells,
// and notebooks generated from scripts/notebooks/sources up to date. Exit 1 on any problem.
//   node --import tsx scripts/notebooks/check.ts
import { relative } from "node:path";
import { codeCellDifferences, lintNotebook, pairNotebooks } from "./lint.js";
import { readNotebook } from "./notebook-json.js";
import { committedNotebooks, notebooksOf, PROJECT_ROOT } from "./paths.js";
import { generateAll, staleNotebooks } from "./sources.js";

const problems: string[] = [];
const rel = (p: string) => relative(PROJECT_ROOT, p);
for (const path of committedNotebooks()) {
  for (const p of lintNotebook(readNotebook(path))) problems.push(`${rel(path)}: ${p}`);
}
const { pairs, unpaired } = pairNotebooks(notebooksOf("ja"), notebooksOf("en"));
problems.push(...unpaired);
for (const pair of pairs) {
  for (const p of codeCellDifferences(readNotebook(pair.ja), readNotebook(pair.en)))
    problems.push(`${pair.name}: ${p}`);
}
for (const p of staleNotebooks(generateAll())) {
  problems.push(
    `${rel(p)}: differs from its source in scripts/notebooks/sources (run scripts/notebooks/generate.ts)`,
  );
}
for (const p of problems) process.stderr.write(`${p}\n`);
process.stdout.write(problems.length === 0 ? `notebooks: ${pairs.length} pair(s) ok\n` : "");
process.exitCode = problems.length > 0 ? 1 : 0;
