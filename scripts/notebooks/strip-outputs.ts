// Removes outputs, execution counts and run-time metadata from notebooks, in place.
//   node --import tsx scripts/notebooks/strip-outputs.ts [--check] [files...]   (default: notebooks/*/*.ipynb)
// --check changes nothing and exits 1 when a notebook still has outputs.
import { formatNotebook, readNotebook, writeNotebook } from "./notebook-json.js";
import { committedNotebooks } from "./paths.js";
import { stripNotebook, unstrippedParts } from "./strip.js";

const args = process.argv.slice(2);
const checkOnly = args.includes("--check");
const files = args.filter((a) => a !== "--check");
let dirty = 0;
for (const path of files.length > 0 ? files : committedNotebooks()) {
  const nb = readNotebook(path);
  const problems = unstrippedParts(nb);
  if (checkOnly) {
    for (const p of problems) process.stderr.write(`${path}: ${p}\n`);
    dirty += problems.length > 0 ? 1 : 0;
    continue;
  }
  const stripped = stripNotebook(nb);
  if (formatNotebook(stripped) !== formatNotebook(nb) || problems.length > 0) {
    writeNotebook(path, stripped);
    process.stdout.write(`stripped ${path}\n`);
  }
}
if (checkOnly && dirty > 0) {
  process.stderr.write(
    `${dirty} notebook(s) carry outputs: run node --import tsx scripts/notebooks/strip-outputs.ts\n`,
  );
  process.exitCode = 1;
}
