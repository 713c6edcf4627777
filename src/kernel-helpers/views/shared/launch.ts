// How a container was launched, shown two ways: "the original course typed this; nsbook ran that" (the command
// line that really created it, read back from /proc, next to the course's shell line; notebooks 01, 02), and
// the launch command stage by stage (notebooks 03-05, 09, 10).
import {
  buildLaunchArgv,
  CGROUP_JOIN_SCRIPT,
  type Container,
  type ContainerState,
  formatCommand,
  INIT_SCRIPT,
  PIVOT_ROOT_SCRIPT,
  PREPARE_ROOT_SCRIPT,
  readProcess,
  shellQuote,
  stateDirOf,
} from "../../../lib/index.js";
import { showHtml } from "../../display/index.js";
import { currentLang, type Lang, type Localized, localize } from "../../i18n/index.js";
import { htmlTable } from "../../render/html-table.js";
import { escapeHtml } from "../../render/index.js";
import { CAPTION_STYLE, COMMAND_BLOCK_STYLE, NO_MATH_CLASS } from "../../render/styles.js";

/** What {@link launchTableHtml} shows. */
export interface LaunchFacts {
  /** The original course's command line. */
  original: string;
  /** The argv nsbook ran (unshare's command line); undefined when it is no longer running. */
  ran?: readonly string[];
  /** Host PID of the container's init. */
  initPid?: number;
}

/** Options of {@link launchTableHtml}. */
export interface LaunchTableOptions {
  /** Caption above the table. @default none */
  caption?: Localized;
  /** Language of built-in words. @default currentLang() */
  lang?: Lang;
}

/**
 * The command line of the process that launched `container` (unshare, which waits for the init), read from
 * /proc/PID/cmdline: what really ran, not a reconstruction. Undefined when it has ended.
 */
export async function launchCommandOf(container: Container): Promise<string[] | undefined> {
  const monitor = container.state.monitor;
  if (!monitor) return undefined;
  const p = await readProcess(monitor.pid);
  return p && p.startTimeTicks === monitor.startTime ? p.cmdline : undefined;
}

/** Renders the original command, what nsbook ran, and the init's host PID as a two-column table (pure). */
export function launchTableHtml(facts: LaunchFacts, options: LaunchTableOptions = {}): string {
  const rows: { item: Localized; value: string }[] = [
    { item: { en: "original course", ja: "元のコース" }, value: facts.original },
    {
      item: { en: "what nsbook ran", ja: "nsbook が実行したもの" },
      value: facts.ran ? formatCommand(facts.ran) : "—",
    },
    {
      item: { en: "container's first process (host PID)", ja: "コンテナの最初のプロセス（ホストの PID）" },
      value: facts.initPid === undefined ? "—" : String(facts.initPid),
    },
  ];
  return htmlTable(
    rows,
    [
      { header: { en: "item", ja: "項目" }, value: (r) => localize(r.item, options.lang) },
      { header: { en: "value", ja: "内容" }, key: "value", format: "mono" },
    ],
    { caption: options.caption, lang: options.lang },
  );
}

/** Shows how `container` was launched, next to the original course's `original` command line. */
export async function showLaunch(
  container: Container,
  original: string,
  options?: LaunchTableOptions,
): Promise<void> {
  const ran = await launchCommandOf(container);
  showHtml(launchTableHtml({ original, ran, initPid: container.pid }, options));
}

// The command line that started a container, as a learner can read it: one line per stage, the long
// shell programs nsbook passes with `-c` replaced by their names and listed below.

/** The shell programs nsbook passes as arguments, by the name shown in their place. */
const SCRIPTS: readonly (readonly [string, string])[] = [
  ["$PREPARE_ROOT", PREPARE_ROOT_SCRIPT],
  ["$PIVOT_ROOT", PIVOT_ROOT_SCRIPT],
  ["$CGROUP_JOIN", CGROUP_JOIN_SCRIPT],
];

/** Programs that start a new stage of the launch: each begins a new line. */
const STAGE_STARTS = new Set(["unshare", "setpriv", "sudo", "nsenter"]);

/** The launch argv split into readable lines, and the scripts it refers to. */
export interface LaunchCommandText {
  /** Shell lines, each but the last continued with a backslash. */
  lines: string[];
  /** The scripts named in the lines ($PREPARE_ROOT ...), with their text. */
  scripts: { name: string; text: string }[];
}

/** Wraps the words of one stage at `width` columns (and before the `--` that ends its options). */
function wrapStage(words: readonly string[], indent: string, width: number): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const word of words) {
    const fresh = line.trim() === "";
    if (!fresh && (word === "--" || line.length + 1 + word.length > width)) {
      lines.push(line);
      line = `${indent}    ${word}`;
    } else line = fresh ? `${line}${word}` : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}

/**
 * Splits `argv` into stages (each unshare/setpriv/sudo/nsenter after the first word starts one, indented),
 * wraps each at `width` columns, and puts script names in place of nsbook's shell programs (pure).
 */
export function launchCommandText(argv: readonly string[], width = 80): LaunchCommandText {
  const used = new Map<string, string>();
  const stages: string[][] = [[]];
  for (const [i, arg] of argv.entries()) {
    if (i > 0 && STAGE_STARTS.has(arg)) stages.push([]);
    const script = SCRIPTS.find(([, text]) => text === arg);
    if (script) used.set(script[0], script[1]);
    stages[stages.length - 1]?.push(script ? `"${script[0]}"` : shellQuote(arg));
  }
  const lines = stages.flatMap((words, i) => wrapStage(words, "  ".repeat(i), width));
  return {
    lines: lines.map((l, i) => (i < lines.length - 1 ? `${l} \\` : l)),
    scripts: [...used].map(([name, text]) => ({ name, text })),
  };
}

/**
 * The argv nsbook ran to start `state`'s container, rebuilt with the same function that built it
 * (buildLaunchArgv): the privilege mode, state directory and cgroups of the container, as recorded.
 */
export function launchArgvOf(state: ContainerState): string[] {
  return buildLaunchArgv(state.spec, {
    mode: state.privilege,
    stateDir: stateDirOf(state.name),
    reportReady: state.kind === "detached",
    dieWithLauncher: state.kind === "one-shot",
    cgroupProcsFiles: state.cgroupProcsFiles,
  }).argv;
}

const WORDS = {
  caption: { en: "The command line nsbook ran", ja: "nsbook が実行したコマンドライン" },
  scripts: {
    en: "nsbook's shell programs in this command line",
    ja: "このコマンドラインで使われている nsbook のシェルプログラム",
  },
  init: {
    en: "$NSBOOK_INIT (the container's PID 1, passed in the environment)",
    ja: "$NSBOOK_INIT（コンテナの PID 1。環境変数で渡す）",
  },
} as const;

/** HTML of {@link launchCommandText} for `argv`: the lines, then the scripts in a collapsed block (pure). */
export function launchCommandHtml(argv: readonly string[], lang: Lang = currentLang()): string {
  const text = launchCommandText(argv);
  const pre = (body: string) => `<pre style="${COMMAND_BLOCK_STYLE}">${escapeHtml(body)}</pre>`;
  const scripts = [
    ...text.scripts.map((s) => `<b>${escapeHtml(s.name)}</b>${pre(s.text)}`),
    `<b>${escapeHtml(localize(WORDS.init, lang))}</b>${pre(INIT_SCRIPT)}`,
  ];
  return [
    `<div class="nsbook-launch ${NO_MATH_CLASS}">`,
    `<div style="${CAPTION_STYLE}">${escapeHtml(localize(WORDS.caption, lang))}</div>`,
    pre(text.lines.join("\n")),
    `<details><summary>${escapeHtml(localize(WORDS.scripts, lang))}</summary>${scripts.join("")}</details>`,
    "</div>",
  ].join("");
}

/** Shows the command line that started `state`'s container (see {@link launchCommandHtml}). */
export function showLaunchCommand(state: ContainerState): void {
  showHtml(launchCommandHtml(launchArgvOf(state)));
}
