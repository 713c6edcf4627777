// The slice of the Jupyter notebook format (nbformat 4.5) nsbook's tools read and write.
import { readFileSync, writeFileSync } from "node:fs";

/** Text stored as a list of lines, or one string. */
export type MultilineText = string | string[];

/** One output of a code cell. */
export interface NotebookOutput {
  output_type: "stream" | "display_data" | "execute_result" | "error" | "update_display_data";
  name?: "stdout" | "stderr";
  text?: MultilineText;
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
  [key: string]: unknown;
}

/** One cell. */
export interface NotebookCell {
  cell_type: "code" | "markdown" | "raw";
  id?: string;
  metadata: Record<string, unknown>;
  source: MultilineText;
  outputs?: NotebookOutput[];
  execution_count?: number | null;
  [key: string]: unknown;
}

/** A notebook. */
export interface Notebook {
  cells: NotebookCell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

/** The kernelspec every nsbook notebook names (scripts/kernelspec.mjs registers it). */
export const NSBOOK_KERNELSPEC = {
  display_name: "nsbook (TypeScript)",
  language: "typescript",
  name: "nsbook",
} as const;

/**
 * language_info as committed: exactly what the kernel (tslab 1.0, dist/jupyter.js handleKernel) answers, its fixed
 * "version" included. JupyterLab copies the kernel's language_info into the notebook when it connects and marks
 * the notebook modified when the two differ (a deep comparison), so anything else here would show every notebook
 * as modified the moment it is opened.
 */
export const NSBOOK_LANGUAGE_INFO = {
  codemirror_mode: { mode: "typescript", name: "javascript", typescript: true },
  file_extension: ".ts",
  mimetype: "text/typescript",
  name: "typescript",
  version: "3.7.2",
} as const;

/** Joins a multiline field into one string. */
export function textOf(text: MultilineText | undefined): string {
  return Array.isArray(text) ? text.join("") : (text ?? "");
}

/** Splits text into Jupyter's list of lines (each keeps its "\n", the last may lack one). */
export function toLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n").map((l) => `${l}\n`);
  const last = lines.length - 1;
  lines[last] = (lines[last] as string).slice(0, -1);
  return lines[last] === "" ? lines.slice(0, -1) : lines;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Serializes like Jupyter does (sorted keys, one-space indent, raw UTF-8, final newline), so diffs stay small. */
export function formatNotebook(nb: Notebook): string {
  return `${JSON.stringify(sortKeys(nb), null, 1)}\n`;
}

/** Parses notebook JSON, naming the file when it is not a notebook. */
export function parseNotebook(text: string, path = "notebook"): Notebook {
  let nb: Notebook;
  try {
    nb = JSON.parse(text) as Notebook;
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${(e as Error).message})`);
  }
  if (!nb || !Array.isArray(nb.cells) || typeof nb.nbformat !== "number") {
    throw new Error(`${path}: not a Jupyter notebook (no cells / nbformat)`);
  }
  return nb;
}

/** Reads a notebook file. */
export function readNotebook(path: string): Notebook {
  return parseNotebook(readFileSync(path, "utf8"), path);
}

/** Writes a notebook file in Jupyter's layout. */
export function writeNotebook(path: string, nb: Notebook): void {
  writeFileSync(path, formatNotebook(nb));
}
