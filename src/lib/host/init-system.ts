// Which init runs this machine: systemd (then nsbook's kernel can run in a delegated scope) or something else
// (WSL without systemd, a container, a minimal VM), as the course's start page reports it.
import { access, readFile } from "node:fs/promises";

/** Which init runs: systemd or something else. */
export interface InitFacts {
  /** /run/systemd/system exists: the system was booted with systemd (what sd_booted(3) tests). */
  systemd: boolean;
  /** Command name of PID 1 (/proc/1/comm), when readable. */
  pid1?: string;
}

/** Reads whether systemd is the init, and PID 1's name. */
export async function readInitFacts(): Promise<InitFacts> {
  const systemd = await access("/run/systemd/system").then(
    () => true,
    () => false,
  );
  const pid1 = await readFile("/proc/1/comm", "utf8").then(
    (t) => t.trim(),
    () => undefined,
  );
  return pid1 === undefined ? { systemd } : { systemd, pid1 };
}
