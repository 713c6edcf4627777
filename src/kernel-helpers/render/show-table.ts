// Render-and-show shortcuts for tables.
import { showHtml } from "../display/index.js";
import { type CompareTableOptions, compareTable, type Side } from "./compare-table.js";
import { type HtmlTableOptions, htmlTable, type TableColumn } from "./html-table.js";

/** Shows `rows` as an HTML table (see {@link htmlTable}). */
export function showTable<Row extends object>(
  rows: readonly Row[],
  columns?: readonly (TableColumn<Row> | (keyof Row & string))[],
  options?: HtmlTableOptions<Row>,
): void {
  showHtml(htmlTable(rows, columns, options));
}

/** Shows host and container side by side (see {@link compareTable}). */
export function showCompare(host: Side, container: Side, options?: CompareTableOptions): void {
  showHtml(compareTable(host, container, options));
}
