// The notebooks as committed: stripped, on the nsbook kernel, ja/en pairs with identical code cells,
// free of known tslab pitfalls, and in step with their bilingual sources.
import { basename, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { codeCellDifferences, lintNotebook, pairNotebooks } from "../../../scripts/notebooks/lint.js";
import { readNotebook } from "../../../scripts/notebooks/notebook-json.js";
import { committedNotebooks, notebooksOf, PROJECT_ROOT } from "../../../scripts/notebooks/paths.js";
import { generateAll, staleNotebooks } from "../../../scripts/notebooks/sources.js";

describe("committed notebooks", () => {
  it("exist in both languages", () => {
    expect(notebooksOf("ja").map((p) => basename(p))).toContain("00-preflight.ipynb");
    expect(pairNotebooks(notebooksOf("ja"), notebooksOf("en")).unpaired).toEqual([]);
  });

  for (const path of committedNotebooks()) {
    it(`${relative(PROJECT_ROOT, path)} has no outputs, the nsbook kernelspec, cell ids and no tslab pitfalls`, () => {
      expect(lintNotebook(readNotebook(path))).toEqual([]);
    });
  }

  for (const pair of pairNotebooks(notebooksOf("ja"), notebooksOf("en")).pairs) {
    it(`${pair.name}: code cells are identical in ja and en`, () => {
      expect(codeCellDifferences(readNotebook(pair.ja), readNotebook(pair.en))).toEqual([]);
    });
  }

  it("match their bilingual sources in scripts/notebooks/sources", () => {
    expect(staleNotebooks(generateAll()).map((p) => relative(PROJECT_ROOT, p))).toEqual([]);
  });
});
