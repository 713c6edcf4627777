// Reading busybox `top -b` output: the %CPU of one command in the last screen it printed.

/**
 * The %CPU busybox top gave the first process whose command is `command` (as `yes` or `{yes} sh -c ...`) in
 * the last screen of batch output (pure). busybox counts %CPU against all CPUs of the machine together, so
 * one core fully used on a 4-CPU machine shows 25%. Undefined when the process is not listed.
 */
export function topCpuPercent(output: string, command: string): number | undefined {
  const lines = output.split("\n");
  let header = -1;
  for (const [i, l] of lines.entries()) if (/\bPID\b.*%CPU/.test(l)) header = i;
  if (header < 0) return undefined;
  const columns = (lines[header] ?? "").trim().split(/\s+/);
  const cpuAt = columns.indexOf("%CPU");
  const commandAt = columns.indexOf("COMMAND");
  for (const l of lines.slice(header + 1)) {
    if (/\bPID\b.*%CPU/.test(l) || l.startsWith("Mem:")) break;
    const fields = l.trim().split(/\s+/);
    const name = fields[commandAt] ?? "";
    if (name === command || name === `{${command}}`) {
      const v = Number.parseFloat(fields[cpuAt] ?? "");
      return Number.isFinite(v) ? v : undefined;
    }
  }
  return undefined;
}

/** The last screen of busybox `top -b` batch output (from its last "Mem:" line on). */
export function lastTopScreen(output: string): string {
  const at = output.lastIndexOf("Mem:");
  return at < 0 ? output : output.slice(at);
}
