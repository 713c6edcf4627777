// Which notebooks become handouts: `<notebooksDir>/<lang>/*.ipynb`, in file-name order.

import { existsSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { invalidOption } from "../lib/index.js";

/** Languages the course is written in, in the order handouts are made. */
export const HANDOUT_LANGS = ["ja", "en"] as const;

/** One notebook to turn into a handout. */
export interface NotebookToRun {
  lang: string;
  /** File name without .ipynb, e.g. "01-chroot". */
  name: string;
  /** Absolute path of the .ipynb. */
  path: string;
}

/** The languages a `--lang` value selects: "ja", "en" or "all". Throws an InvalidOptionError naming a bad value. */
export function selectLangs(value: string | undefined): string[] {
  if (value === undefined || value === "all") return [...HANDOUT_LANGS];
  if ((HANDOUT_LANGS as readonly string[]).includes(value)) return [value];
  throw invalidOption("--lang", value, `is not a language: use ${HANDOUT_LANGS.join(", ")} or all`);
}

/**
 * Whether a notebook's name is selected by `only` (names or their leading part: "01", "01-chroot");
 * everything is selected when `only` is missing or empty.
 */
export function notebookMatches(name: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => name === o || name.startsWith(o.endsWith("-") ? o : `${o}-`));
}

/**
 * Notebook files of `langs` under `notebooksDir`, language by language, each sorted by name; with `only`,
 * just the notebooks it selects ({@link notebookMatches}).
 */
export function findNotebooks(
  notebooksDir: string,
  langs: readonly string[],
  only?: readonly string[],
): NotebookToRun[] {
  return langs.flatMap((lang) => {
    const dir = join(notebooksDir, lang);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter(
        (f) => f.endsWith(".ipynb") && !f.startsWith(".") && notebookMatches(basename(f, ".ipynb"), only),
      )
      .sort()
      .map((f) => ({ lang, name: basename(f, ".ipynb"), path: join(dir, f) }));
  });
}
