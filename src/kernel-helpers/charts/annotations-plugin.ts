// Limit lines and event markers drawn straight onto the canvas (a small inline Chart.js plugin, so no
// annotation plugin dependency). Labels sit next to the lines, so a grey print still says what is what.
import type { Chart, Plugin } from "chart.js";
import { CHART_FONT_FAMILY } from "./fonts.js";
import { LIMIT_COLOR } from "./palette.js";

/** A resolved limit line (label already localized). */
export interface DrawnLine {
  value: number;
  label: string;
  color?: string;
}

/** A resolved marker (label already localized). */
export interface DrawnMarker {
  x: number;
  y?: number;
  label: string;
  color?: string;
}

type Ctx = Chart["ctx"];

function drawLabel(
  ctx: Ctx,
  text: string,
  x: number,
  y: number,
  align: "left" | "right" | "center",
  color: string,
) {
  ctx.font = `bold 13px ${CHART_FONT_FAMILY}`;
  ctx.textAlign = align;
  ctx.textBaseline = "bottom";
  const w = ctx.measureText(text).width;
  const left = align === "right" ? x - w : align === "center" ? x - w / 2 : x;
  ctx.fillStyle = "rgba(255,255,255,0.85)";
  ctx.fillRect(left - 2, y - 16, w + 4, 16);
  ctx.fillStyle = color;
  ctx.fillText(text, x, y);
}

/** Pixels to keep free above the plot for marker labels (two rows). */
export const MARKER_BAND = 36;

/**
 * Plugin drawing `lines` across the value axis (`valueAxis` is "y" for line and vertical bar charts,
 * "x" for horizontal bars) and `markers` on a time axis.
 */
export function annotationsPlugin(
  lines: readonly DrawnLine[],
  markers: readonly DrawnMarker[],
  valueAxis: "x" | "y" = "y",
): Plugin {
  return {
    id: "nsbookAnnotations",
    afterDatasetsDraw(chart: Chart) {
      const { ctx, chartArea: area } = chart;
      const valueScale = chart.scales[valueAxis];
      if (!valueScale) return;
      ctx.save();
      ctx.lineWidth = 2;
      for (const line of lines) {
        const color = line.color ?? LIMIT_COLOR;
        const p = valueScale.getPixelForValue(line.value);
        ctx.strokeStyle = color;
        ctx.setLineDash([10, 5]);
        ctx.beginPath();
        if (valueAxis === "y") {
          ctx.moveTo(area.left, p);
          ctx.lineTo(area.right, p);
        } else {
          ctx.moveTo(p, area.top);
          ctx.lineTo(p, area.bottom);
        }
        ctx.stroke();
        ctx.setLineDash([]);
        if (valueAxis === "y") drawLabel(ctx, line.label, area.left + 6, p - 3, "left", color);
        else drawLabel(ctx, line.label, p + 4, area.top + 16, "left", color);
      }
      const xScale = chart.scales.x;
      const yScale = chart.scales.y;
      // Labels of vertical markers go in the band above the plot (see MARKER_BAND), in the first of two
      // rows where they do not overlap an earlier label.
      const rowEnds = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
      const sorted = [...markers].sort((a, b) => a.x - b.x);
      for (const m of sorted) {
        if (!xScale || !yScale) break;
        const color = m.color ?? "#000000";
        const px = xScale.getPixelForValue(m.x);
        ctx.strokeStyle = color;
        ctx.fillStyle = color;
        if (m.y === undefined) {
          ctx.setLineDash([3, 3]);
          ctx.beginPath();
          ctx.moveTo(px, area.top);
          ctx.lineTo(px, area.bottom);
          ctx.stroke();
          ctx.setLineDash([]);
          ctx.font = `bold 13px ${CHART_FONT_FAMILY}`;
          const w = ctx.measureText(m.label).width;
          const left = Math.min(Math.max(px - w / 2, area.left), area.right - w);
          const row = left > (rowEnds[0] ?? 0) + 6 ? 0 : 1;
          rowEnds[row] = left + w;
          drawLabel(ctx, m.label, left, area.top - 3 - row * 17, "left", color);
        } else {
          const py = yScale.getPixelForValue(m.y);
          const nearRight = px > area.right - 160;
          ctx.beginPath();
          ctx.moveTo(px, py - 8);
          ctx.lineTo(px + 8, py);
          ctx.lineTo(px, py + 8);
          ctx.lineTo(px - 8, py);
          ctx.closePath();
          ctx.fill();
          drawLabel(ctx, m.label, nearRight ? px - 10 : px + 10, py - 8, nearRight ? "right" : "left", color);
        }
      }
      ctx.restore();
    },
  };
}
