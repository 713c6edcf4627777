// The notebook a cell came from, read from disk: Jupyter's session path when the kernel knows it, else the
// notebook in the kernel's folder that holds a code cell with exactly this source.
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Lang } from "../../kernel-helpers/i18n/index.js";

/** One cell of a notebook on disk. */
export interface NotebookCell {
  type: string;
  source: string;
}

/** A notebook on disk, as the out-of-order hint needs it. */
export interface NotebookFile {
  path: string;
  cells: NotebookCell[];
}

/** A cell's source compared as Jupyter and tslab may differ in line ends and a trailing newline. */
export function sameSource(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\r\n/g, "\n").trimEnd();
  return norm(a) === norm(b);
}

/** The notebook at `path`, or undefined when it cannot be read as one. */
export function readNotebook(path: string): NotebookFile | undefined {
  try {
    const json = JSON.parse(readFileSync(path, "utf8")) as {
      cells?: { cell_type?: string; source?: string | string[] }[];
    };
    if (!Array.isArray(json.cells)) return undefined;
    const cells = json.cells.map((c) => ({
      type: String(c.cell_type ?? ""),
      source: Array.isArray(c.source) ? c.source.join("") : String(c.source ?? ""),
    }));
    return { path, cells };
  } catch {
    return undefined;
  }
}

/** Where to look for the notebook of a cell. */
export interface NotebookSearch {
  /** The notebook Jupyter opened this kernel for (the connection file's `jupyter_session`), if it said. */
  sessionPath?: string;
  /** The kernel's working directory: Jupyter starts it in the notebook's folder. */
  dir: string;
}

/** The notebook `cellSource` comes from, or undefined when neither the session nor the folder tells. */
export function findNotebookOf(cellSource: string, where: NotebookSearch): NotebookFile | undefined {
  if (where.sessionPath?.endsWith(".ipynb")) {
    const nb = readNotebook(where.sessionPath);
    if (nb) return nb;
  }
  let names: string[];
  try {
    names = readdirSync(where.dir)
      .filter((n) => n.endsWith(".ipynb"))
      .sort();
  } catch {
    return undefined;
  }
  for (const name of names) {
    const nb = readNotebook(join(where.dir, name));
    if (nb?.cells.some((c) => c.type === "code" && sameSource(c.source, cellSource))) return nb;
  }
  return undefined;
}

/** The notebook's language by its folder (notebooks/en, notebooks/ja), else `fallback`. */
export function notebookLang(path: string, fallback: Lang): Lang {
  const dir = basename(dirname(path));
  return dir === "ja" || dir === "en" ? dir : fallback;
}
