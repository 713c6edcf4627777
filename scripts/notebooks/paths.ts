// Where the committed notebooks are.
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

/** Project root (two folders above this file). */
export const PROJECT_ROOT = resolve(__dirname, "..", "..");

/** The course languages, one folder each under notebooks/. */
export const NOTEBOOK_LANGS = ["ja", "en"] as const;

/** Notebook files of one language folder, sorted. */
export function notebooksOf(lang: (typeof NOTEBOOK_LANGS)[number], root = PROJECT_ROOT): string[] {
  const dir = join(root, "notebooks", lang);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => join(dir, f));
}

/** Every committed notebook (notebooks/ja/*.ipynb, notebooks/en/*.ipynb). */
export function committedNotebooks(root = PROJECT_ROOT): string[] {
  return NOTEBOOK_LANGS.flatMap((lang) => notebooksOf(lang, root));
}
