// `nsbook handouts`: execute the notebooks and write HTML (and PDF) handouts plus an index page.
import {
  ANSWER_TAG,
  buildHandouts,
  describeFailure,
  HANDOUT_LANGS,
  type HandoutResult,
  type HandoutsEvent,
  type HandoutsOptions,
  type HandoutsReport,
  REMOVE_CELL_TAG,
  REMOVE_INPUT_TAG,
  REMOVE_OUTPUT_TAG,
  selectLangs,
} from "../../handouts/index.js";
import type { CliCommand } from "../command.js";
import { type CommandSyntax, parseCommandLine, usageOf } from "../options.js";
import { badOption } from "../usage-error.js";

/** `nsbook handouts`'s options, once: the parser reads this table and `--help` is generated from it. */
export const HANDOUTS_SYNTAX: CommandSyntax = {
  command: "nsbook handouts",
  tail: "",
  maxWords: 0,
  options: [
    {
      name: "lang",
      value: [...HANDOUT_LANGS, "all"].join("|"),
      choices: [...HANDOUT_LANGS, "all"],
      default: "all",
      help: "which notebooks",
    },
    {
      name: "answers",
      help: "the instructor's copy: keep the answers (default folder: handouts/answers/)",
    },
    {
      name: "notebook",
      value: "NAME",
      multiple: true,
      help: "only this notebook, by name or its number (01, 02-pid-namespace); repeatable",
    },
    { name: "pdf", help: "print each handout to PDF too (needs chromium-headless-shell or chromium)" },
    { name: "out", value: "DIR", help: "output folder (default: handouts/ in the project)" },
  ],
  notes: [
    "Executes each notebook (notebooks/<lang>/*.ipynb) under the nsbook kernel and writes a self-contained",
    "HTML handout per notebook, a PDF with --pdf (headless Chromium), and index.html. By default this is the",
    "students' copy: the exercises' answers are left out.",
    `Cell tags: ${REMOVE_CELL_TAG} (leave the cell out), ${REMOVE_INPUT_TAG} (keep only its output),`,
    `${REMOVE_OUTPUT_TAG} (keep only its code), ${ANSWER_TAG} (an answer: only with --answers).`,
    "Exit code 1 when a notebook failed or a PDF was not written.",
  ],
};

const USAGE = usageOf(HANDOUTS_SYNTAX);

/** The options `nsbook handouts` was called with (pure; throws UsageError). */
export function parseHandoutsArgs(
  args: string[],
): Pick<HandoutsOptions, "langs" | "pdf" | "outDir" | "answers" | "only"> {
  const values = parseCommandLine(args, HANDOUTS_SYNTAX).values as {
    lang: string;
    pdf?: boolean;
    out?: string;
    answers?: boolean;
    notebook?: string[];
  };
  const langs = selectLangs(values.lang);
  if (values.out !== undefined && values.out.trim() === "")
    throw badOption(USAGE, { option: "--out", value: values.out, why: "needs a folder" });
  const only = values.notebook?.map((n) => n.trim().replace(/\.ipynb$/, ""));
  const bad = only?.findIndex((n) => n === "" || n.includes("/")) ?? -1;
  if (bad >= 0)
    throw badOption(USAGE, {
      option: "--notebook",
      value: values.notebook?.[bad],
      why: "needs a notebook's name or number, such as 01 or 02-pid-namespace",
    });
  return {
    langs,
    pdf: values.pdf ?? false,
    outDir: values.out,
    answers: values.answers ?? false,
    ...(only ? { only } : {}),
  };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** The end of a progress line: "ok (run 8.1 s, html 1.2 s, pdf 0.9 s, 4 pages)". */
export function resultSummary(r: HandoutResult): string {
  const parts = [`run ${seconds(r.runMs)}`];
  if (r.kernelRetried !== undefined) parts.push("run twice: the kernel did not start the first time");
  if (r.htmlPath) parts.push(`html ${seconds(r.htmlMs)}`);
  if (r.pdfPath)
    parts.push(`pdf ${seconds(r.pdfMs)}${r.pages ? `, ${r.pages} page${r.pages === 1 ? "" : "s"}` : ""}`);
  const verdict = r.runError
    ? "FAILED (did not finish)"
    : r.failures.length > 0
      ? "FAILED"
      : r.htmlError
        ? "HTML FAILED"
        : r.pdfError
          ? "PDF FAILED"
          : "ok";
  return `${verdict} (${parts.join(", ")})`;
}

/** Lines shown under a failed notebook's progress line. */
export function resultDetails(r: HandoutResult): string[] {
  const lines: string[] = [];
  if (r.runError) lines.push(...r.runError.split("\n"));
  for (const f of r.failures) lines.push(...describeFailure(f));
  if (r.htmlError) lines.push(...r.htmlError.split("\n"));
  if (r.pdfError) lines.push(...r.pdfError.split("\n"));
  return lines.map((l) => `      ${l}`);
}

/** Prints progress: a line per notebook; on a terminal, the running cell is shown in place on that line. */
function printer(): (e: HandoutsEvent) => void {
  const tty = process.stdout.isTTY === true;
  let head = "";
  return (e) => {
    if (e.type === "note") process.stderr.write(`note: ${e.message}\n`);
    else if (e.type === "start") {
      head = `[${e.index}/${e.total}] ${e.lang}/${e.name} ... `;
      process.stdout.write(head);
    } else if (e.type === "cell") {
      if (tty) process.stdout.write(`\r\x1b[K${head}cell ${e.cell}/${e.cells}`);
    } else {
      if (tty) process.stdout.write(`\r\x1b[K${head}`);
      process.stdout.write(`${resultSummary(e.result)}\n`);
      const details = resultDetails(e.result);
      if (details.length > 0) process.stdout.write(`${details.join("\n")}\n`);
    }
  };
}

/**
 * Runs the build with Ctrl+C turned into an abort, so the notebook that runs is stopped and the temporary
 * folder is removed (Node's default SIGINT exit would skip the clean-up).
 */
async function buildInterruptibly(options: HandoutsOptions): Promise<HandoutsReport | undefined> {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once("SIGINT", onSigint);
  try {
    return await buildHandouts({ ...options, signal: controller.signal });
  } catch (e) {
    if (controller.signal.aborted) return undefined;
    throw e;
  } finally {
    process.removeListener("SIGINT", onSigint);
  }
}

async function run(args: string[]): Promise<number> {
  const options = parseHandoutsArgs(args);
  const report = await buildInterruptibly({ ...options, onEvent: printer() });
  if (!report) {
    process.stdout.write("\ninterrupted: the index was not updated.\n");
    return 130;
  }
  const failed = report.handouts.filter((r) => !r.ok);
  process.stdout.write(`index: ${report.indexPath}\n`);
  if (failed.length > 0) {
    process.stdout.write(
      `${failed.length} of ${report.handouts.length} handouts failed: ${failed.map((r) => `${r.lang}/${r.name}`).join(", ")}. ` +
        "Fix the cells named above and run again (handouts that ran were still written, marked failed in the index).\n",
    );
  }
  if (report.pdfUnavailable)
    process.stdout.write("no PDFs written: no Chromium to print with (see the note above).\n");
  return report.ok ? 0 : 1;
}

/** `nsbook handouts`. */
export const handoutsCommand: CliCommand = {
  syntax: HANDOUTS_SYNTAX,
  run,
};
