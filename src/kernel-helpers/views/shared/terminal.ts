// Commands and their output as a terminal shows them: "$ ls /", then what it printed. Used by the course
// notebooks to show what ran inside a container (or on the host) next to the explanation; execEntry and
// hostEntry (at the end) run a command and return it as such an entry.

import {
  type Container,
  type ExecOptions,
  formatCommand,
  type RunHostOptions,
  runHost,
} from "../../../lib/index.js";
import { showHtml } from "../../display/index.js";
import { currentLang, type Lang, type Localized, localize } from "../../i18n/index.js";
import { escapeHtml } from "../../render/escape-html.js";
import {
  CAPTION_STYLE,
  COMMAND_BLOCK_STYLE,
  MUTED_TEXT,
  NO_MATH_CLASS,
  STATUS_COLORS,
} from "../../render/styles.js";

/** How a command ended: what `Container.exec`, `runContainer` and `runHost` resolve with. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
  /** Exit code; undefined when a signal ended the command. */
  exitCode?: number;
  /** Signal that ended it, e.g. "SIGKILL". */
  signal?: string;
}

/** One command line and its output. */
export interface TerminalEntry {
  /** The command as typed (shown after the prompt). */
  command: string;
  result: CommandOutput;
}

/** Options of {@link terminalHtml}. */
export interface TerminalOptions {
  /** Caption above the block. @default none */
  caption?: Localized;
  /** Lines of output kept per command (stdout and stderr together); the rest is counted. @default 25 */
  maxLines?: number;
  /** The prompt before each command: "#" for root in a container, "$" otherwise. @default "$" */
  prompt?: string;
  /** Language of built-in words. @default currentLang() */
  lang?: Lang;
}

const WORDS = {
  more: { en: "more lines", ja: "行省略" },
  exit: { en: "exit status", ja: "終了コード" },
  signal: { en: "killed by", ja: "シグナルで終了" },
  noOutput: { en: "(no output)", ja: "（出力なし）" },
} as const;

const PROMPT_STYLE = "color:#0550ae;font-weight:600";
const NOTE_STYLE = `color:${MUTED_TEXT};font-style:italic`;

function linesOf(text: string): string[] {
  if (text === "") return [];
  return (text.endsWith("\n") ? text.slice(0, -1) : text).split("\n");
}

function entryHtml(entry: TerminalEntry, options: Required<Omit<TerminalOptions, "caption">>): string {
  const { result } = entry;
  const out = linesOf(result.stdout).map((l) => escapeHtml(l));
  const err = linesOf(result.stderr).map(
    (l) => `<span style="color:${STATUS_COLORS.fail}">${escapeHtml(l)}</span>`,
  );
  const all = [...out, ...err];
  const kept = all.slice(0, options.maxLines);
  const lines = [
    `<span style="${PROMPT_STYLE}">${escapeHtml(options.prompt)}</span> ${escapeHtml(entry.command)}`,
  ];
  lines.push(...kept);
  if (all.length > kept.length) {
    lines.push(
      `<span style="${NOTE_STYLE}">… ${all.length - kept.length} ${localize(WORDS.more, options.lang)}</span>`,
    );
  }
  if (all.length === 0)
    lines.push(`<span style="${NOTE_STYLE}">${localize(WORDS.noOutput, options.lang)}</span>`);
  if (result.signal !== undefined && result.exitCode === undefined) {
    lines.push(
      `<span style="${NOTE_STYLE}">[${localize(WORDS.signal, options.lang)} ${escapeHtml(result.signal)}]</span>`,
    );
  } else if (result.exitCode !== undefined && result.exitCode !== 0) {
    lines.push(
      `<span style="${NOTE_STYLE}">[${localize(WORDS.exit, options.lang)} ${result.exitCode}]</span>`,
    );
  }
  return lines.join("\n");
}

/**
 * Renders commands and their output as one terminal-like block (pure): the prompt and the command, stdout,
 * stderr in red, and the exit status when it is not 0. Long outputs are cut after `maxLines` lines.
 */
export function terminalHtml(entries: readonly TerminalEntry[], options: TerminalOptions = {}): string {
  const maxLines = options.maxLines ?? 25;
  if (!Number.isSafeInteger(maxLines) || maxLines < 0) {
    throw new RangeError(`terminalHtml: maxLines must be a whole number >= 0, got ${maxLines}`);
  }
  const full = { maxLines, prompt: options.prompt ?? "$", lang: options.lang ?? currentLang() };
  const caption =
    options.caption === undefined
      ? ""
      : `<div style="${CAPTION_STYLE}">${escapeHtml(localize(options.caption, full.lang))}</div>`;
  const body = entries.map((e) => entryHtml(e, full)).join("\n\n");
  return `<div class="nsbook-terminal ${NO_MATH_CLASS}">${caption}<div style="${COMMAND_BLOCK_STYLE}">${body}</div></div>`;
}

/** Shows commands and their output as a terminal block (see {@link terminalHtml}). */
export function showTerminal(entries: readonly TerminalEntry[], options?: TerminalOptions): void {
  showHtml(terminalHtml(entries, options));
}

// Runs a command inside a container or on the host and returns it as a terminal entry ({ command, result }),
// for showTerminal. A non-zero exit is part of the lesson (ping before `lo` is up), so it is returned, not thrown.

/** Runs `script` with /bin/sh inside `container` (like typing it at its shell). */
export async function execEntry(
  container: Container,
  script: string,
  options: ExecOptions = {},
): Promise<TerminalEntry> {
  return { command: script, result: await container.exec(["/bin/sh", "-c", script], options) };
}

/** Runs `argv` on the host (through runHost, no shell); failures are returned, not thrown. */
export async function hostEntry(
  argv: readonly string[],
  options: RunHostOptions = {},
): Promise<TerminalEntry> {
  return { command: formatCommand(argv), result: await runHost(argv, { ...options, allowFailure: true }) };
}
