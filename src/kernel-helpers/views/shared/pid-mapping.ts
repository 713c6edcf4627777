// The processes of a PID namespace with their two numbers: the PID `ps` inside shows, and the host PID.
import type { PidNamespaceView, ProcessSeenInside } from "../../../lib/index.js";
import { showHtml } from "../../display/index.js";
import type { Lang, Localized } from "../../i18n/index.js";
import { htmlTable } from "../../render/html-table.js";

/** Options of {@link pidMappingHtml}. */
export interface PidMappingOptions {
  /** Caption above the table. @default none */
  caption?: Localized;
  /** Characters of each command line kept. @default 60 */
  maxCommandChars?: number;
  /** Rows to highlight. @default the namespace's init (PID 1 inside) */
  highlight?: (process: ProcessSeenInside) => boolean;
  /** Language of built-in words. @default currentLang() */
  lang?: Lang;
}

// A process's command line (its name in brackets when it has none), cut to `max` characters.
function shortCommand(p: ProcessSeenInside, max: number): string {
  const text = p.cmdline.length > 0 ? p.cmdline.join(" ") : `[${p.name}]`;
  return text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
}

/**
 * Renders a PID namespace view (from `readProcessesSeenBy`) as HTML (pure): PID and parent PID inside, the
 * host PID, the NSpid chain from /proc/PID/status ("host → inside"), and the command line.
 */
export function pidMappingHtml(view: PidNamespaceView, options: PidMappingOptions = {}): string {
  const max = options.maxCommandChars ?? 60;
  if (!Number.isSafeInteger(max) || max < 1) {
    throw new RangeError(`pidMappingHtml: maxCommandChars must be a whole number >= 1, got ${max}`);
  }
  const highlight = options.highlight ?? ((p: ProcessSeenInside) => p.pidInside === 1);
  return htmlTable(
    view.processes,
    [
      { key: "pidInside", header: { en: "PID inside", ja: "中の PID" } },
      { key: "ppidInside", header: { en: "parent inside", ja: "中の親 PID" } },
      { key: "pid", header: { en: "host PID", ja: "ホストの PID" } },
      {
        header: { en: "NSpid (host → inside)", ja: "NSpid（ホスト → 中）" },
        value: (p) => p.nsPid.join(" → "),
        format: "mono",
      },
      { header: { en: "command", ja: "コマンド" }, value: (p) => shortCommand(p, max), format: "mono" },
    ],
    { caption: options.caption, highlight: (p) => highlight(p), lang: options.lang },
  );
}

/** Shows a PID namespace view (see {@link pidMappingHtml}). */
export function showPidMapping(view: PidNamespaceView, options?: PidMappingOptions): void {
  showHtml(pidMappingHtml(view, options));
}
