// Host and container side by side, one row per item, rows that differ highlighted and marked "≠".
import { currentLang, type Lang, type Localized, localize } from "../i18n/index.js";
import { type CellValue, htmlTable } from "./html-table.js";

/** Values by item name ("hostname", "pid namespace"...), as an object or as [name, value] pairs. */
export type Side = Readonly<Record<string, CellValue>> | readonly (readonly [string, CellValue])[];

/** Options of {@link compareTable}. */
export interface CompareTableOptions {
  /** Caption above the table. @default none */
  caption?: Localized;
  /** Header of the first column. @default "item" / "項目" */
  itemHeader?: Localized;
  /** Header of the left values. @default "host" / "ホスト" */
  leftHeader?: Localized;
  /** Header of the right values. @default "container" / "コンテナ" */
  rightHeader?: Localized;
  /** Show values in monospace (inodes, paths). @default true */
  mono?: boolean;
  /** Language of built-in words. @default currentLang() */
  lang?: Lang;
}

/** One row of a comparison. */
export interface CompareRow {
  item: string;
  left: CellValue;
  right: CellValue;
  same: boolean;
}

const WORDS = {
  item: { en: "item", ja: "項目" },
  host: { en: "host", ja: "ホスト" },
  container: { en: "container", ja: "コンテナ" },
  same: { en: "same?", ja: "同じ?" },
  equal: { en: "= same", ja: "= 同じ" },
  differs: { en: "≠ differs", ja: "≠ 違う" },
} as const;

function entries(side: Side): [string, CellValue][] {
  return Array.isArray(side)
    ? side.map(([k, v]) => [k, v])
    : Object.entries(side as Record<string, CellValue>);
}

/** Lines up two sides by item (left's order, then items only the right has). Pure. */
export function compareRows(left: Side, right: Side): CompareRow[] {
  const l = new Map(entries(left));
  const r = new Map(entries(right));
  const items = [...l.keys(), ...[...r.keys()].filter((k) => !l.has(k))];
  return items.map((item) => {
    const a = l.get(item);
    const b = r.get(item);
    return { item, left: a, right: b, same: l.has(item) && r.has(item) && String(a) === String(b) };
  });
}

/** Renders host (left) and container (right) side by side; differing rows are highlighted. */
export function compareTable(host: Side, container: Side, options: CompareTableOptions = {}): string {
  const lang = options.lang ?? currentLang();
  const valueFormat = options.mono === false ? "text" : "mono";
  return htmlTable(
    compareRows(host, container),
    [
      { key: "item", header: localize(options.itemHeader ?? WORDS.item, lang) },
      {
        key: "left",
        header: localize(options.leftHeader ?? WORDS.host, lang),
        format: valueFormat,
        align: "left",
      },
      {
        key: "right",
        header: localize(options.rightHeader ?? WORDS.container, lang),
        format: valueFormat,
        align: "left",
      },
      { header: WORDS.same, value: (row) => localize(row.same ? WORDS.equal : WORDS.differs, lang) },
    ],
    { caption: options.caption, highlight: (row) => !row.same, lang },
  );
}
