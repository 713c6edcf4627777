// An HTML table from rows and column descriptions: escaped, aligned, with highlighted rows and
// status marks. Pure: returns the HTML string; showTable() displays it.
import { currentLang, type Lang, type Localized, localize } from "../i18n/index.js";
import { escapeHtml } from "./escape-html.js";
import { inlineCodeHtml } from "./inline-code.js";
import { isStatus, statusMark } from "./status-mark.js";
import {
  BREAK_ANYWHERE,
  CAPTION_STYLE,
  LIGHT_BACKGROUNDS,
  MONO_STYLE,
  MUTED_TEXT,
  NO_MATH_CLASS,
  onLight,
  STATUS_COLORS,
  TABLE_STYLE,
  TD_STYLE,
  TH_STYLE,
} from "./styles.js";

/** What a cell can hold. */
export type CellValue = string | number | bigint | boolean | null | undefined;

/** How a column shows its values. */
export type CellFormat = "text" | "mono" | "code-spans" | "status" | "html";

/** One column of {@link htmlTable}. */
export interface TableColumn<Row> {
  /** Header text. @default the key */
  header?: Localized;
  /** Property of the row shown in this column, when `value` is not given. */
  key?: keyof Row & string;
  /** Computes the cell from the row (wins over `key`). */
  value?: (row: Row, index: number) => CellValue;
  /**
   * "text": escaped text; "mono": escaped, monospace, keeps line breaks (paths, commands, ids);
   * "code-spans": escaped text whose `backticked` parts show as code;
   * "status": the value is "ok" | "warn" | "fail" | "info", shown as symbol + word + colour;
   * "html": the value is trusted HTML, inserted as is. @default "text"
   */
  format?: CellFormat;
  /** @default "right" for number values, otherwise "left" */
  align?: "left" | "right" | "center";
  /** Digits after the decimal point for numbers. @default shown as they are */
  digits?: number;
}

/** Options of {@link htmlTable}. */
export interface HtmlTableOptions<Row> {
  /** Caption above the table. @default none */
  caption?: Localized;
  /** Rows for which this returns true get a tinted background and a thick left border. @default none */
  highlight?: (row: Row, index: number) => boolean;
  /** Text of the single row shown when there are no rows. @default "(none)" / "（なし）" */
  empty?: Localized;
  /** Language of built-in words. @default currentLang() */
  lang?: Lang;
}

const EMPTY_TEXT = { en: "(none)", ja: "（なし）" } as const;
const BOOLEAN_TEXT = { en: ["no", "yes"], ja: ["いいえ", "はい"] } as const;

function cellText(v: CellValue, digits: number | undefined, lang: Lang): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return BOOLEAN_TEXT[lang][v ? 1 : 0];
  if (typeof v === "number" && digits !== undefined && Number.isFinite(v)) return v.toFixed(digits);
  return String(v);
}

function cellHtml(v: CellValue, format: CellFormat, digits: number | undefined, lang: Lang): string {
  if (format === "html") return v === null || v === undefined ? "—" : String(v);
  if (format === "status")
    return isStatus(v) ? statusMark(v, undefined, lang) : escapeHtml(cellText(v, digits, lang));
  if (format === "code-spans")
    return v === null || v === undefined || v === "" ? "—" : inlineCodeHtml(String(v));
  const text = escapeHtml(cellText(v, digits, lang));
  return format === "mono" ? `<span style="${MONO_STYLE};white-space:pre-wrap">${text}</span>` : text;
}

function validateColumns<Row>(columns: readonly TableColumn<Row>[]): void {
  for (const [i, c] of columns.entries()) {
    if (c.key === undefined && c.value === undefined) {
      throw new TypeError(`htmlTable: columns[${i}] needs a key or a value function`);
    }
    if (c.digits !== undefined && !(Number.isInteger(c.digits) && c.digits >= 0 && c.digits <= 20)) {
      throw new RangeError(`htmlTable: columns[${i}].digits must be an integer 0..20, got ${c.digits}`);
    }
  }
}

/** Columns for every key of the first row, when none are given. */
function defaultColumns<Row extends object>(rows: readonly Row[]): TableColumn<Row>[] {
  const first = rows[0];
  return first ? Object.keys(first).map((key) => ({ key: key as keyof Row & string })) : [];
}

/**
 * Renders `rows` as an HTML table. Columns may be given as descriptions or as bare keys; without any,
 * every key of the first row becomes a column.
 */
export function htmlTable<Row extends object>(
  rows: readonly Row[],
  columns?: readonly (TableColumn<Row> | (keyof Row & string))[],
  options: HtmlTableOptions<Row> = {},
): string {
  const lang = options.lang ?? currentLang();
  const cols: TableColumn<Row>[] = (columns ?? defaultColumns(rows)).map((c) =>
    typeof c === "string" ? { key: c } : c,
  );
  validateColumns(cols);
  const cellOf = (c: TableColumn<Row>, row: Row, i: number): CellValue =>
    c.value ? c.value(row, i) : (row[c.key as keyof Row] as CellValue);
  const parts: string[] = [`<table class="${NO_MATH_CLASS}" style="${TABLE_STYLE}">`];
  if (options.caption !== undefined) {
    parts.push(`<caption style="${CAPTION_STYLE}">${escapeHtml(localize(options.caption, lang))}</caption>`);
  }
  const header = cols.map((c) => {
    const align = c.align ?? "left";
    return `<th style="${TH_STYLE};text-align:${align}">${escapeHtml(localize(c.header ?? c.key ?? "", lang))}</th>`;
  });
  parts.push(`<thead><tr>${header.join("")}</tr></thead><tbody>`);
  if (rows.length === 0) {
    const empty = escapeHtml(localize(options.empty ?? EMPTY_TEXT, lang));
    parts.push(
      `<tr><td colspan="${Math.max(cols.length, 1)}" style="${TD_STYLE};color:${MUTED_TEXT}">${empty}</td></tr>`,
    );
  }
  for (const [i, row] of rows.entries()) {
    const lit = options.highlight?.(row, i) === true;
    const trStyle = lit ? ` style="${onLight(LIGHT_BACKGROUNDS.highlight)}"` : "";
    const cells = cols.map((c, ci) => {
      const v = cellOf(c, row, i);
      const align = c.align ?? (typeof v === "number" || typeof v === "bigint" ? "right" : "left");
      const edge = lit && ci === 0 ? `;border-left:4px solid ${STATUS_COLORS.warn}` : "";
      const format = c.format ?? "text";
      const wrap = format === "mono" || format === "code-spans" ? `;${BREAK_ANYWHERE}` : "";
      return `<td style="${TD_STYLE};text-align:${align}${edge}${wrap}">${cellHtml(v, format, c.digits, lang)}</td>`;
    });
    parts.push(`<tr${trStyle}${lit ? ' data-highlight="true"' : ""}>${cells.join("")}</tr>`);
  }
  parts.push("</tbody></table>");
  return parts.join("");
}
