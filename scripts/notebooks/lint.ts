// Rules for committed notebooks: stripped, the nsbook kernel, and ja/en pairs with identical code cells.
import { basename } from "node:path";
import { type Notebook, NSBOOK_KERNELSPEC, textOf } from "./notebook-json.js";
import { unstrippedParts } from "./strip.js";
import { tslabPitfalls } from "./tslab-pitfalls.js";

/** Problems of one notebook on its own (empty when fine). */
export function lintNotebook(nb: Notebook): string[] {
  const problems = [...unstrippedParts(nb), ...tslabPitfalls(nb)];
  const ks = nb.metadata.kernelspec as Record<string, unknown> | undefined;
  if (
    ks?.name !== NSBOOK_KERNELSPEC.name ||
    ks?.display_name !== NSBOOK_KERNELSPEC.display_name ||
    ks?.language !== NSBOOK_KERNELSPEC.language
  ) {
    problems.push(
      `kernelspec must be ${JSON.stringify(NSBOOK_KERNELSPEC)}, got ${JSON.stringify(ks ?? null)}`,
    );
  }
  if (nb.nbformat !== 4 || nb.nbformat_minor < 5)
    problems.push(`must be nbformat 4.5+ (cell ids), got ${nb.nbformat}.${nb.nbformat_minor}`);
  const ids = new Set<string>();
  for (const [i, cell] of nb.cells.entries()) {
    if (!cell.id) problems.push(`cell ${i + 1} has no id`);
    else if (ids.has(cell.id)) problems.push(`cell ${i + 1}: id "${cell.id}" is used twice`);
    else ids.add(cell.id);
  }
  return problems;
}

/** Where the code cells of two translations of a notebook differ (empty when identical). */
export function codeCellDifferences(ja: Notebook, en: Notebook): string[] {
  const code = (nb: Notebook) => nb.cells.filter((c) => c.cell_type === "code");
  const a = code(ja);
  const b = code(en);
  const problems: string[] = [];
  if (a.length !== b.length) problems.push(`ja has ${a.length} code cells, en has ${b.length}`);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const sa = textOf(a[i]?.source);
    const sb = textOf(b[i]?.source);
    if (sa === sb) continue;
    const line = sa.split("\n").findIndex((l, j) => l !== sb.split("\n")[j]) + 1;
    problems.push(`code cell ${i + 1} (ja id ${a[i]?.id}, en id ${b[i]?.id}) differs from line ${line}`);
  }
  return problems;
}

/** Pairs notebook files by name across the ja and en folders; names only one side has are reported. */
export function pairNotebooks(
  jaPaths: readonly string[],
  enPaths: readonly string[],
): {
  pairs: { name: string; ja: string; en: string }[];
  unpaired: string[];
} {
  const ja = new Map(jaPaths.map((p) => [basename(p), p]));
  const en = new Map(enPaths.map((p) => [basename(p), p]));
  const pairs: { name: string; ja: string; en: string }[] = [];
  const unpaired: string[] = [];
  for (const [name, p] of ja) {
    const q = en.get(name);
    if (q) pairs.push({ name, ja: p, en: q });
    else unpaired.push(`notebooks/ja/${name} has no notebooks/en/${name}`);
  }
  for (const name of en.keys())
    if (!ja.has(name)) unpaired.push(`notebooks/en/${name} has no notebooks/ja/${name}`);
  return { pairs, unpaired };
}
