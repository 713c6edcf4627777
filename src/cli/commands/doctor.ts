// `nsbook doctor`: what this machine can do for the course, what it cannot, and the exact fixes.
import { formatDoctorText, runDoctor } from "../../lib/index.js";
import type { CliCommand } from "../command.js";
import { type CommandSyntax, parseCommandLine } from "../options.js";

/** `nsbook doctor`'s options, once: the parser reads this table and `--help` is generated from it. */
export const DOCTOR_SYNTAX: CommandSyntax = {
  command: "nsbook doctor",
  tail: "",
  maxWords: 0,
  options: [
    { name: "json", help: "print the report as JSON" },
    { name: "no-probe", help: "do not try namespaces, chroot and overlay for real" },
  ],
  notes: ["Exit status: 0 when steps 1-7 of the course can all run here, 1 otherwise."],
};

/** nsbook doctor: exit 0 when steps 1-7 can all run here, 1 otherwise. */
export const doctorCommand: CliCommand = {
  syntax: DOCTOR_SYNTAX,
  async run(args) {
    const values = parseCommandLine(args, DOCTOR_SYNTAX).values as { json?: boolean; "no-probe"?: boolean };
    const report = await runDoctor({ probe: !values["no-probe"] });
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatDoctorText(report));
    return report.ok ? 0 : 1;
  },
};
