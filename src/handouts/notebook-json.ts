// The slice of the Jupyter notebook format (nbformat 4) the handouts read: cells, their outputs and tags.
import { NsbookError } from "../lib/index.js";

/** Text stored as a list of lines, or one string. */
export type MultilineText = string | string[];

/** One output of a code cell. */
export interface NotebookOutput {
  output_type: string;
  /** "stdout" or "stderr" for a stream output. */
  name?: string;
  text?: MultilineText;
  /** MIME type -> data, for display_data / execute_result. */
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
}

/** One cell. */
export interface NotebookCell {
  cell_type: string;
  id?: string;
  metadata?: { tags?: string[]; [key: string]: unknown };
  source: MultilineText;
  outputs?: NotebookOutput[];
}

/** A notebook. */
export interface Notebook {
  cells: NotebookCell[];
  metadata?: Record<string, unknown>;
  nbformat: number;
}

/** Joins a multiline field into one string. */
export function textOf(text: MultilineText | undefined): string {
  return Array.isArray(text) ? text.join("") : (text ?? "");
}

/** Parses notebook JSON; `what` names it in the error when it is not a notebook. */
export function parseNotebook(json: string, what: string): Notebook {
  let nb: Notebook;
  try {
    nb = JSON.parse(json) as Notebook;
  } catch (e) {
    throw new NsbookError("notebook-json", `${what}: not valid JSON (${(e as Error).message})`);
  }
  if (!nb || typeof nb !== "object" || !Array.isArray(nb.cells) || typeof nb.nbformat !== "number") {
    throw new NsbookError("notebook-json", `${what}: not a Jupyter notebook (no cells or nbformat)`);
  }
  return nb;
}
