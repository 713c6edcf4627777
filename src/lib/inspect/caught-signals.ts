// Which signals a process has a handler for: the SigCgt mask of /proc/PID/status. A PID namespace's init gets
// from inside its namespace only the signals it catches (the kernel drops the others, SIGKILL included), so
// this is what notebook 02 reads about its container's PID 1.
import { constants } from "node:os";
import { readProcText } from "./read-proc-file.js";

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
