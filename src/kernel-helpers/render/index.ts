// Renderers: data in, HTML out (pure), plus show* shortcuts that display the result.

export { calloutHtml } from "./callout.js";
export {
  type CompareRow,
  type CompareTableOptions,
  compareRows,
  compareTable,
  type Side,
} from "./compare-table.js";
export { escapeHtml } from "./escape-html.js";
export {
  type CellFormat,
  type CellValue,
  type HtmlTableOptions,
  htmlTable,
  type TableColumn,
} from "./html-table.js";
export { inlineCodeHtml } from "./inline-code.js";
export { showCompare, showTable } from "./show-table.js";
export { isStatus, type Status, statusMark, statusText } from "./status-mark.js";
