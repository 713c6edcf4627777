// Which notebooks become handouts: `<notebooksDir>/<lang>/*.ipynb`, in file-name order.
import { existsSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";

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

/** The languages a `--lang` value selects: "ja", "en" or "all". Throws a TypeError naming a bad value. */
export function selectLangs(value: string | undefined): string[] {
  if (value === undefined || value === "all") return [...HANDOUT_LANGS];
  if ((HANDOUT_LANGS as readonly string[]).includes(value)) return [value];
  throw new TypeError(`--lang must be ${HANDOUT_LANGS.join(", ")} or all, got ${JSON.stringify(value)}`);
}

/** Notebook files of `langs` under `notebooksDir`, language by language, each sorted by name. */
export function findNotebooks(notebooksDir: string, langs: readonly string[]): NotebookToRun[] {
  return langs.flatMap((lang) => {
    const dir = join(notebooksDir, lang);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith(".ipynb") && !f.startsWith("."))
      .sort()
      .map((f) => ({ lang, name: basename(f, ".ipynb"), path: join(dir, f) }));
  });
}
