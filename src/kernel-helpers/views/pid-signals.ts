// Which signals a process has a handler for (SigCgt in /proc/PID/status): the ones a PID namespace's init
// can receive from inside its namespace.
import { constants } from "node:os";
import { readProcText } from "../../lib/inspect/index.js";
import { showHtml } from "../display/index.js";
import type { Lang } from "../i18n/index.js";
import { htmlTable } from "../render/html-table.js";

/** Names of the signals whose bits are set in a /proc/PID/status mask such as "0000000000010002" (pure). */
export function signalsInMask(hexMask: string): string[] {
  if (!/^[0-9a-fA-F]{1,16}$/.test(hexMask)) {
    throw new SyntaxError(`not a signal mask from /proc/PID/status: ${JSON.stringify(hexMask)}`);
  }
  const mask = BigInt(`0x${hexMask}`);
  const names = new Map<number, string>();
  // os.constants.signals has aliases (SIGIOT = SIGABRT, SIGPOLL = SIGIO): keep the first name per number.
  for (const [name, n] of Object.entries(constants.signals)) if (!names.has(n)) names.set(n, name);
  const found: string[] = [];
  for (let n = 1; n <= 64; n++) {
    if ((mask >> BigInt(n - 1)) & BigInt(1)) found.push(names.get(n) ?? `signal ${n}`);
  }
  return found;
}

/** The signals process `pid` catches (has a handler for), from the SigCgt line of /proc/PID/status. */
export async function readCaughtSignals(pid: number): Promise<string[]> {
  const status = await readProcText(pid, "status");
  const hex = /^SigCgt:\s*([0-9a-fA-F]+)$/m.exec(status)?.[1];
  if (hex === undefined) throw new SyntaxError(`/proc/${pid}/status has no SigCgt line`);
  return signalsInMask(hex);
}

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
