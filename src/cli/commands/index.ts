// Every CLI command, in the order `nsbook help` lists them. Add one line per command module.
import type { CliCommand } from "../command.js";
import { doctorCommand } from "./doctor.js";
import { execCommand } from "./exec.js";
import { handoutsCommand } from "./handouts.js";
import { killCommand } from "./kill.js";
import { layersCommand } from "./layers.js";
import { logsCommand } from "./logs.js";
import { networkCommand } from "./network.js";
import { psCommand } from "./ps.js";
import { rootfsCommand } from "./rootfs.js";
import { runCommand } from "./run.js";
import { shellCommand } from "./shell.js";
import { statsCommand } from "./stats.js";
import { stepCommand } from "./step.js";
import { stopCommand } from "./stop.js";

export const COMMANDS: readonly CliCommand[] = [
  doctorCommand,
  rootfsCommand,
  layersCommand,
  runCommand,
  execCommand,
  shellCommand,
  psCommand,
  stopCommand,
  killCommand,
  networkCommand,
  statsCommand,
  logsCommand,
  stepCommand,
  handoutsCommand,
];
