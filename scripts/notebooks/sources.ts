// Which notebooks the bilingual sources (scripts/notebooks/sources/<name>.nb.txt) produce, and which
// committed ones are out of date.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildNotebook, type NotebookLang, parseBilingualSource } from "./bilingual-source.js";
import { formatNotebook } from "./notebook-json.js";
import { PROJECT_ROOT } from "./paths.js";

/** Folder of the bilingual sources. */
export const SOURCES_DIR = join(PROJECT_ROOT, "scripts", "notebooks", "sources");

const SUFFIX = ".nb.txt";

/** A notebook file to write: where, and the exact text. */
export interface GeneratedNotebook {
  path: string;
  text: string;
}

/** Every notebook the sources produce. */
export function generateAll(sourcesDir = SOURCES_DIR, root = PROJECT_ROOT): GeneratedNotebook[] {
  const out: GeneratedNotebook[] = [];
  for (const file of readdirSync(sourcesDir)
    .filter((f) => f.endsWith(SUFFIX))
    .sort()) {
    const name = file.slice(0, -SUFFIX.length);
    const cells = parseBilingualSource(
      readFileSync(join(sourcesDir, file), "utf8"),
      `scripts/notebooks/sources/${file}`,
    );
    for (const lang of ["en", "ja"] as NotebookLang[]) {
      out.push({
        path: join(root, "notebooks", lang, `${name}.ipynb`),
        text: formatNotebook(buildNotebook(cells, lang)),
      });
    }
  }
  return out;
}

/** Generated notebooks whose committed file is missing or different. */
export function staleNotebooks(generated: readonly GeneratedNotebook[]): string[] {
  return generated
    .filter((g) => !existsSync(g.path) || readFileSync(g.path, "utf8") !== g.text)
    .map((g) => g.path);
}
