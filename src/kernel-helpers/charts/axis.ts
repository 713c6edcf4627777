// Axis titles with units, and checks on the numbers a chart is given.
import { type Lang, localize } from "../i18n/index.js";
import type { Axis } from "./types.js";

/** "memory (MiB)" from { title: "memory", unit: "MiB" }. */
export function axisTitle(axis: Axis, lang: Lang): string {
  const title = localize(axis.title, lang);
  return axis.unit ? `${title} (${axis.unit})` : title;
}

/** Throws a RangeError naming `what` when `v` is not a finite number. */
export function requireFinite(what: string, v: unknown): void {
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw new RangeError(
      `${what} must be a finite number, got ${typeof v === "number" ? v : JSON.stringify(v)}`,
    );
  }
}

/** Checks an axis's optional bounds. */
export function validateAxis(what: string, axis: Axis | undefined): void {
  if (!axis) return;
  if (axis.min !== undefined) requireFinite(`${what}.min`, axis.min);
  if (axis.max !== undefined) requireFinite(`${what}.max`, axis.max);
  if (axis.min !== undefined && axis.max !== undefined && axis.min >= axis.max) {
    throw new RangeError(`${what}: min (${axis.min}) must be below max (${axis.max})`);
  }
}
