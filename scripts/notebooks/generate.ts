// Writes notebooks/{en,ja}/<name>.ipynb from scripts/notebooks/sources/<name>.nb.txt.
//   node --import tsx scripts/notebooks/generate.ts           write the pairs that changed
//   node --import tsx scripts/notebooks/generate.ts --check   exit 1 when a committed notebook differs
import { writeFileSync } from "node:fs";
import { generateAll, staleNotebooks } from "./sources.js";

const generated = generateAll();
const stale = staleNotebooks(generated);
if (process.argv.includes("--check")) {
  for (const p of stale) {
    process.stderr.write(
      `out of date: ${p} (edit scripts/notebooks/sources, then run scripts/notebooks/generate.ts)\n`,
    );
  }
  process.exitCode = stale.length > 0 ? 1 : 0;
} else {
  for (const g of generated) if (stale.includes(g.path)) writeFileSync(g.path, g.text);
  process.stdout.write(
    stale.length > 0 ? `notebooks: wrote ${stale.join(", ")}\n` : "notebooks: up to date\n",
  );
}
