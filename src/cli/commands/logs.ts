// `nsbook logs [-f] [-n N] NAME`: what a detached container's init and command printed, as `docker logs`.
import { open } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { type Container, getContainer } from "../../lib/index.js";
import type { CliCommand } from "../command.js";
import { type CommandSyntax, parseCommandLine, usageOf } from "../options.js";
import { enterScopeOf } from "../scope-of.js";
import { singleContainerName } from "../single-name.js";
import { badOption } from "../usage-error.js";
import { statusText } from "./ps.js";

/** `nsbook logs`'s options, once: the parser reads this table and `--help` is generated from it. */
export const LOGS_SYNTAX: CommandSyntax = {
  command: "nsbook logs",
  tail: "NAME",
  options: [
    {
      name: "follow",
      short: "f",
      help: "keep printing what it writes until it exits (Ctrl-C stops following)",
    },
    { name: "tail", short: "n", value: "N", default: "all", help: 'only the last N lines, or "all"' },
  ],
  notes: ["What a detached container's init and command wrote on stdout and stderr, as docker logs."],
};

const USAGE = usageOf(LOGS_SYNTAX);

/** How often --follow looks for new output, in ms. */
const FOLLOW_POLL_MS = 200;

/** The last `count` lines of `text` (all of it for undefined), keeping its final newline. Pure. */
export function lastLines(text: string, count: number | undefined): string {
  if (count === undefined) return text;
  if (count === 0) return "";
  const body = text.endsWith("\n") ? text.slice(0, -1) : text;
  if (body === "") return text;
  const lines = body.split("\n");
  const kept = lines.slice(Math.max(0, lines.length - count)).join("\n");
  return text.endsWith("\n") ? `${kept}\n` : kept;
}

/** Writes the log from `offset` on and resolves with the new offset. */
async function writeFrom(path: string, offset: number): Promise<number> {
  let file: Awaited<ReturnType<typeof open>>;
  try {
    file = await open(path, "r");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return offset;
    throw e;
  }
  try {
    const buffer = Buffer.alloc(64 * 1024);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, offset);
      if (bytesRead === 0) return offset;
      process.stdout.write(buffer.subarray(0, bytesRead));
      offset += bytesRead;
    }
  } finally {
    await file.close();
  }
}

/** Prints what is new in the log until the container has exited (and its last output is out) or Ctrl-C. */
async function follow(container: Container, offset: number): Promise<void> {
  const path = container.state.logPath;
  for (;;) {
    const running = (await container.status()) === "running";
    offset = await writeFrom(path, offset);
    if (!running) return;
    await sleep(FOLLOW_POLL_MS);
  }
}

export const logsCommand: CliCommand = {
  syntax: LOGS_SYNTAX,
  async run(args) {
    const parsed = parseCommandLine(args, LOGS_SYNTAX);
    const values = parsed.values as { follow?: boolean; tail?: string };
    const given = singleContainerName(parsed.words, USAGE);
    let tail: number | undefined;
    if (values.tail !== undefined && values.tail !== "all") {
      if (!/^\d+$/.test(values.tail))
        throw badOption(USAGE, {
          option: "--tail",
          value: values.tail,
          why: 'expected a number of lines or "all"',
        });
      tail = Number(values.tail);
    }
    const name = await enterScopeOf(given);
    const container = await getContainer(name);
    const text = await container.logs();
    process.stdout.write(lastLines(text, tail));
    if (values.follow) {
      // Ctrl-C ends the following, not the container (as docker logs -f).
      await follow(container, Buffer.byteLength(text));
    }
    // How it ended, when its cgroups say more than the log can (an OOM kill leaves no message of its own).
    const exit = await container.exitStatus().catch(() => undefined);
    if (exit?.oomKilled) {
      const status = statusText({
        status: "exited",
        exitCode: exit.code,
        oomKilled: true,
        exitMessage: exit.message,
      });
      process.stderr.write(`nsbook logs: ${name} ${status}\n`);
    }
    return 0;
  },
};
