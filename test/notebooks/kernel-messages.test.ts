// What the course kernel (dist/kernel/main.js: tslab with learner-facing messages) says when a cell runs before
// the cells that declare what it uses. Real kernels through jupyter_client, started in notebooks/<lang> like
// Jupyter starts them; no session path, so the kernel finds the notebook by the cell's source.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { PROJECT_ROOT } from "../../scripts/notebooks/paths.js";
import { all, describeWhen } from "../support/requirements.js";
import { needBuild, needKernelspec } from "./support/jupyter.js";
import { type CellResult, needJupyterClient, runCells } from "./support/kernel-session.js";

/** The source of the first code cell of a notebook that contains `text`, and its 1-based number. */
function cellOf(lang: "en" | "ja", notebook: string, text: string): { source: string; number: number } {
  const nb = JSON.parse(readFileSync(join(PROJECT_ROOT, "notebooks", lang, notebook), "utf8")) as {
    cells: { cell_type: string; source: string | string[] }[];
  };
  const sources = nb.cells.map((c) => ({
    type: c.cell_type,
    source: Array.isArray(c.source) ? c.source.join("") : c.source,
  }));
  const i = sources.findIndex((c) => c.type === "code" && c.source.includes(text));
  if (i < 0) throw new Error(`no code cell of ${lang}/${notebook} contains ${text}`);
  return { source: sources[i]?.source as string, number: i + 1 };
}

function stderrOf(cell: CellResult | undefined): string {
  return (cell?.outputs ?? [])
    .filter((o) => o.type === "stream" && o.name === "stderr")
    .map((o) => o.text ?? "")
    .join("");
}

describeWhen(all(needJupyterClient(), needKernelspec(), needBuild()), "a cell run out of order", () => {
  const boxCell = "const box = await startContainer";

  it("says which earlier cells declare what it uses and what to run, not 'Cannot find name'", async () => {
    const { source } = cellOf("en", "02-pid-namespace.ipynb", boxCell);
    const [cell] = await runCells([source], "en");
    const text = stderrOf(cell);
    expect(cell?.status).toBe("error");
    expect(text).toMatch(/earlier cells? of this notebook/);
    expect(text).toMatch(/`startContainer`/);
    expect(text).toMatch(/cell \d+, under “[^”]+”/);
    expect(text).toContain("Run ▸ Run All Above Selected Cell");
    expect(text).not.toContain("Cannot find name");
  });

  it("says it in Japanese in a Japanese notebook", async () => {
    const { source } = cellOf("ja", "02-pid-namespace.ipynb", boxCell);
    const [cell] = await runCells([source], "ja");
    const text = stderrOf(cell);
    expect(text).toMatch(/このノートブックの前のセル/);
    expect(text).toContain("Run ▸ Run All Above Selected Cell");
    expect(text).not.toContain("Cannot find name");
  });

  it("keeps TypeScript's message for a name no cell declares (a typo)", async () => {
    const [cell] = await runCells(["const n = boxx.pid;"], "en");
    expect(cell?.status).toBe("error");
    expect(stderrOf(cell)).toMatch(/1:11 - Cannot find name 'boxx'/);
  });
});
