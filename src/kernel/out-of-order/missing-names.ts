// Which of TypeScript's diagnostics for a cell say "this name does not exist": the sign of a cell run before
// the cells that declare what it uses (tslab forgets everything at a kernel restart, and keeps only what
// cells that ran without error declared).

/** A diagnostic as tslab's converter reports it (tslab 1.0: dist/converter.js). */
export interface CellDiagnostic {
  start: { offset: number; line: number; character: number };
  end: { offset: number; line: number; character: number };
  messageText: string;
  category: number;
  code: number;
  fileName?: string;
}

// TS2304 "Cannot find name 'x'.", TS2552 "Cannot find name 'x'. Did you mean 'y'?", TS18004 "No value exists
// in scope for the shorthand property 'x'. ...".
const MISSING_NAME_CODES = new Set([2304, 2552, 18004]);

/** The name a diagnostic says is missing, or undefined when it says something else (or is about another file). */
export function missingName(d: CellDiagnostic): string | undefined {
  if (d.fileName !== undefined || !MISSING_NAME_CODES.has(d.code)) return undefined;
  return /'([^']+)'/.exec(d.messageText)?.[1];
}
