// Exit statuses as a shell reports them: 128 + N when signal N ended the process.
import { constants } from "node:os";

/** "137 = 128 + 9 (SIGKILL)" for a status above 128 that names a signal, else the number alone (pure). */
export function explainExitStatus(status: number | undefined): string {
  if (status === undefined) return "—";
  if (status <= 128 || status > 128 + 64) return String(status);
  const signo = status - 128;
  const name = Object.entries(constants.signals).find(([, n]) => n === signo)?.[0];
  return name ? `${status} = 128 + ${signo} (${name})` : String(status);
}
