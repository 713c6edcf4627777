// What each notebook must show besides running cleanly. Every notebook runs at least one self-check;
// add a row here when a notebook has outputs or checks the tests should insist on.
import type { NotebookExpectations } from "./support/analyze.js";

/** Expectations by notebook name (the file name without .ipynb), the same for ja and en. */
export const NOTEBOOK_EXPECTATIONS: Readonly<Record<string, NotebookExpectations>> = {
  "00-preflight": {
    checks: [
      "the nsbook library loads",
      "doctor checked this machine",
      "every step of the course can run here",
      "every namespace type can be created here",
    ],
    kinds: ["text/html", "image/png"],
    html: [/<table[\s>]/, /class="nsbook-doctor[ "]/, /data-nsbook-checks-total="4"/],
  },
};
