// Every command's option table by command name, imported from the command modules (the CLI loads them lazily).
import { DOCTOR_SYNTAX } from "../../../src/cli/commands/doctor.js";
import { EXEC_SYNTAX } from "../../../src/cli/commands/exec.js";
import { HANDOUTS_SYNTAX } from "../../../src/cli/commands/handouts.js";
import { KILL_SYNTAX } from "../../../src/cli/commands/kill.js";
import { LAYERS_SYNTAX } from "../../../src/cli/commands/layers.js";
import { LOGS_SYNTAX } from "../../../src/cli/commands/logs.js";
import { NETWORK_SYNTAX } from "../../../src/cli/commands/network.js";
import { PS_SYNTAX } from "../../../src/cli/commands/ps.js";
import { ROOTFS_SYNTAX } from "../../../src/cli/commands/rootfs.js";
import { RUN_SYNTAX } from "../../../src/cli/commands/run.js";
import { SHELL_SYNTAX } from "../../../src/cli/commands/shell.js";
import { STATS_SYNTAX } from "../../../src/cli/commands/stats.js";
import { STEP_SYNTAX } from "../../../src/cli/commands/step.js";
import { STOP_SYNTAX } from "../../../src/cli/commands/stop.js";
import type { CommandGroup, CommandSyntax } from "../../../src/cli/options.js";

export const SYNTAX_BY_COMMAND: Readonly<Record<string, CommandSyntax | CommandGroup>> = {
  doctor: DOCTOR_SYNTAX,
  rootfs: ROOTFS_SYNTAX,
  layers: LAYERS_SYNTAX,
  run: RUN_SYNTAX,
  exec: EXEC_SYNTAX,
  shell: SHELL_SYNTAX,
  ps: PS_SYNTAX,
  stop: STOP_SYNTAX,
  kill: KILL_SYNTAX,
  network: NETWORK_SYNTAX,
  stats: STATS_SYNTAX,
  logs: LOGS_SYNTAX,
  step: STEP_SYNTAX,
  handouts: HANDOUTS_SYNTAX,
};

/** A command's table that has no subcommands. */
export function syntaxOf(name: string): CommandSyntax {
  const syntax = SYNTAX_BY_COMMAND[name];
  if (!syntax || "subcommands" in syntax) throw new Error(`${name}: no single option table`);
  return syntax;
}

/** Every table of every command: one per command, one per subcommand. */
export const ALL_SYNTAXES: CommandSyntax[] = Object.values(SYNTAX_BY_COMMAND).flatMap((s) =>
  "subcommands" in s ? Object.values(s.subcommands) : [s],
);
