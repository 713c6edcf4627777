// Every CLI command, in the order `nsbook help` lists them. Add one line per command module.
import type { CliCommand } from "../command.js";

export const COMMANDS: readonly CliCommand[] = [];
