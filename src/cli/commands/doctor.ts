// `nsbook doctor`: what this machine can do for the course, what it cannot, and the exact fixes.
import { parseArgs } from "node:util";
import { formatDoctorText, runDoctor } from "../../lib/doctor/index.js";
import type { CliCommand } from "../command.js";
import { UsageError } from "../usage-error.js";

const USAGE = "nsbook doctor [--json] [--no-probe]";

/** nsbook doctor: exit 0 when steps 1-7 can all run here, 1 otherwise. */
export const doctorCommand: CliCommand = {
  name: "doctor",
  summary: "check what this machine can run (privileges, namespaces, cgroups, tools) and how to fix the rest",
  usage: `${USAGE}\n  --json      print the report as JSON\n  --no-probe  do not try namespaces, chroot and overlay for real`,
  async run(args) {
    let values: { json?: boolean; "no-probe"?: boolean };
    try {
      ({ values } = parseArgs({
        args,
        options: { json: { type: "boolean" }, "no-probe": { type: "boolean" } },
        strict: true,
        allowPositionals: false,
      }));
    } catch (e) {
      throw new UsageError((e as Error).message, USAGE);
    }
    const report = await runDoctor({ probe: !values["no-probe"] });
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatDoctorText(report));
    return report.ok ? 0 : 1;
  },
};
