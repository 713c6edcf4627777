// Reading what commands printed inside a container: `ps` (busybox: PID USER COMMAND; procps: USER PID ...
// COMMAND), so notebooks 03 and 04 can compare it with what the host reads from /proc; `ls /` (07, 09).

/** One process line of `ps` output. */
export interface PsLine {
  pid: number;
  user: string;
  command: string;
}

/**
 * Parses `ps` output (pure): the header names the columns, so both busybox's `PID USER ... COMMAND` and
 * procps's `USER PID ... COMMAND` (`ps aux`) work. Throws a SyntaxError when there is no PID column.
 */
export function parsePsOutput(text: string): PsLine[] {
  const [header, ...rows] = text.split("\n").filter((l) => l.trim() !== "");
  const columns = (header ?? "").trim().split(/\s+/);
  const pidAt = columns.indexOf("PID");
  const userAt = columns.indexOf("USER");
  const commandAt = Math.max(columns.indexOf("COMMAND"), columns.indexOf("CMD"));
  if (pidAt < 0) throw new SyntaxError(`no PID column in ps output: ${JSON.stringify(header ?? "")}`);
  const last = commandAt < 0 ? columns.length - 1 : commandAt;
  return rows.map((row) => {
    const fields = row.trim().split(/\s+/);
    // The command is everything from its column on (it contains spaces).
    const command = fields.slice(last).join(" ");
    return {
      pid: Number(fields[pidAt]),
      user: userAt < 0 ? "" : (fields[userAt] ?? ""),
      command,
    };
  });
}

/** The `ls /` line of what the typed lines "hostname", "echo $(ls /)", "ps aux ..." printed: the second line. */
export function rootListing(typedOutput: string): string {
  return (typedOutput.split("\n")[1] ?? "").trim();
}
