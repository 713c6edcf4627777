// A small script put at the end of every handout. It runs on load, so the browser and Chromium's
// print-to-PDF both see its result:
// - a table wider than the page is scaled down to fit, to no less than MIN_TABLE_ZOOM; if that is still
//   too wide, its cells may also break lines anywhere (class nsbook-fit-wrap) and it takes the full width;
// - a code or output block taller than TALL_BLOCK_PX is allowed to break across pages (class nsbook-tall):
//   kept whole it would move to the next page and leave most of this one empty; a table shorter than that
//   is kept on one page (class nsbook-keep), so no header is left alone at the bottom of a page.
// The page is as wide on screen as on paper (handout-css.ts), so measuring here is measuring the print.
// Plain ES5, no dependencies.

/** Smallest scale a table is shrunk to before its cells wrap instead (0.72 × 12 px ≈ 6.5 pt on paper). */
export const MIN_TABLE_ZOOM = 0.72;

/** Height above which a code or output block may break across pages, in CSS px (half an A4 page). */
export const TALL_BLOCK_PX = 500;

/** The script's source (without the <script> element). */
export const FIT_TABLES_SCRIPT = `(function () {
  var MIN = ${MIN_TABLE_ZOOM};
  var TALL = ${TALL_BLOCK_PX};
  function contentWidth(el) {
    var s = window.getComputedStyle(el);
    return el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
  }
  function fit(table) {
    var box = table.parentElement;
    if (!box) return;
    var avail = contentWidth(box);
    var width = table.getBoundingClientRect().width;
    if (!(avail > 0) || width <= avail + 1) return;
    var zoom = Math.max(MIN, avail / width);
    table.style.zoom = String(zoom);
    table.setAttribute("data-nsbook-zoom", zoom.toFixed(2));
    if (width * zoom > avail + 1) {
      table.className += " nsbook-fit-wrap";
      table.style.maxWidth = "none";
      table.style.width = Math.floor(avail / zoom) + "px";
    }
  }
  var tables = document.querySelectorAll(".jp-Cell table");
  for (var i = 0; i < tables.length; i++) {
    if (tables[i].parentElement && tables[i].parentElement.closest("table")) continue;
    fit(tables[i]);
  }
  for (var k = 0; k < tables.length; k++) {
    if (tables[k].getBoundingClientRect().height <= TALL) tables[k].className += " nsbook-keep";
  }
  var blocks = document.querySelectorAll(".jp-InputArea, .jp-OutputArea-child");
  for (var j = 0; j < blocks.length; j++) {
    if (blocks[j].getBoundingClientRect().height > TALL) blocks[j].className += " nsbook-tall";
  }
})();`;
