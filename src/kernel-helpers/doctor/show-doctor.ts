// Runs doctor and shows its report in the notebook.

import { type DoctorReport, type RunDoctorOptions, runDoctor } from "../../lib/index.js";
import { showHtml } from "../display/index.js";
import { currentLang, type Lang } from "../i18n/index.js";
import { type DoctorPart, renderDoctorReport } from "./render-doctor.js";

/** Options of {@link showDoctor}. */
export interface ShowDoctorOptions {
  /** Show this report instead of running doctor (e.g. the one an earlier cell got). @default run doctor now */
  report?: DoctorReport;
  /** Which parts to show, in order. @default ["verdict", "checks", "cgroups", "steps", "fixes"] */
  parts?: readonly DoctorPart[];
  /** @default currentLang() */
  lang?: Lang;
  /** Passed to runDoctor when it runs. @default {} */
  doctor?: RunDoctorOptions;
}

/** Shows (parts of) a report doctor already made; returns nothing, so a cell ending with it prints nothing. */
export function showDoctorReport(
  report: DoctorReport,
  parts?: readonly DoctorPart[],
  lang: Lang = currentLang(),
): void {
  showHtml(renderDoctorReport(report, parts, lang));
}

/**
 * Runs doctor (unless given a report), shows the chosen parts and resolves with the report. Keep the
 * report (`const report = await showDoctor()`): as a cell's last expression tslab would print all of it.
 */
export async function showDoctor(options: ShowDoctorOptions = {}): Promise<DoctorReport> {
  const report = options.report ?? (await runDoctor(options.doctor));
  showHtml(renderDoctorReport(report, options.parts, options.lang ?? currentLang()));
  return report;
}
