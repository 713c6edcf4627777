// Parser for /proc/PID/cmdline: the arguments, each followed by a NUL byte.

/**
 * Splits /proc/PID/cmdline into its arguments. Empty for kernel threads and zombies. A process may have
 * rewritten its argument area (e.g. with setproctitle) into one space-separated string without NULs;
 * then that string is the single element.
 */
export function parseCmdline(text: string): string[] {
  if (text === "") return [];
  const args = text.split("\0");
  if (args.at(-1) === "") args.pop();
  return args;
}
