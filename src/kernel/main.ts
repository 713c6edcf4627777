// The course's Jupyter kernel (scripts/kernel/run-kernel.sh starts it): node dist/kernel/main.js --config-path FILE
import { startCourseKernel } from "./start.js";

const args = process.argv.slice(2);
const at = args.indexOf("--config-path");
const connectionFile = at >= 0 ? args[at + 1] : args[0];
if (!connectionFile) {
  console.error(
    "usage: node dist/kernel/main.js --config-path CONNECTION_FILE (Jupyter's kernelspec runs this)",
  );
  process.exit(2);
}
startCourseKernel(connectionFile);
