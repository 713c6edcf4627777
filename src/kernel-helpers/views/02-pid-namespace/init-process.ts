// Notebook 02, the PID namespace's init: which signals it has a handler for (SigCgt in /proc/PID/status), the
// only ones it receives from inside its namespace; and the namespace's end when it dies.
import { type ProcessSeenInside, readCaughtSignals } from "../../../lib/index.js";
import { showHtml } from "../../display/index.js";
import type { Lang } from "../../i18n/index.js";
import { htmlTable } from "../../render/html-table.js";

/** The signals a namespace's PID 1 catches, as a one-row table (pure). */
export function caughtSignalsHtml(pid: number, caught: readonly string[], lang?: Lang): string {
  return htmlTable(
    [{ pid, caught: caught.join(", ") }],
    [
      { key: "pid", header: { en: "PID 1 (host PID)", ja: "PID 1（ホストの PID）" } },
      { key: "caught", header: { en: "signals it catches (SigCgt)", ja: "捕捉するシグナル（SigCgt）" } },
    ],
    { lang },
  );
}

/** Shows which signals the init `pid` (PID 1 of its namespace) catches; resolves with their names. */
export async function showCaughtSignals(pid: number): Promise<string[]> {
  const caught = await readCaughtSignals(pid);
  showHtml(caughtSignalsHtml(pid, caught));
  return caught;
}

// The end of a PID namespace: when its PID 1 dies, the kernel kills every other process in it
// (lib/inspect/wait-for-processes.ts waits for that).

/** Each process of a namespace and whether it is gone (pure). */
export function processesGoneHtml(
  processes: readonly ProcessSeenInside[],
  left: readonly ProcessSeenInside[],
  lang?: Lang,
): string {
  return htmlTable(
    processes.map((p) => ({
      pidInside: p.pidInside,
      hostPid: p.pid,
      command: p.cmdline.join(" ").slice(0, 40),
      gone: !left.includes(p),
    })),
    [
      { key: "pidInside", header: { en: "PID inside", ja: "中の PID" } },
      { key: "hostPid", header: { en: "host PID", ja: "ホストの PID" } },
      { key: "command", header: { en: "command", ja: "コマンド" }, format: "mono" },
      { key: "gone", header: { en: "gone?", ja: "消えた？" } },
    ],
    { lang },
  );
}

/** Shows which of a namespace's `processes` are gone (`left`: those still running). */
export function showProcessesGone(
  processes: readonly ProcessSeenInside[],
  left: readonly ProcessSeenInside[],
): void {
  showHtml(processesGoneHtml(processes, left));
}
