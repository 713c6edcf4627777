// The soak's kernel-like process: uses the compiled library the way a notebook kernel does (start a detached
// container, exec into it, run a one-shot, stop, again) until the soak SIGKILLs it at a random moment.
//   node scripts/soak/kernel-worker.cjs '<container options as JSON>'
// NSBOOK_OWNER is set by the soak, as bin/nsbook-kernel sets it for a kernel.
const { join } = require("node:path");
const lib = require(join(__dirname, "..", "..", "dist", "lib", "index.js"));

async function main() {
  const options = JSON.parse(process.argv[2]);
  for (let round = 0; round < 3; round++) {
    const c = await lib.startContainer(options);
    await c.exec(["sh", "-c", "echo hi; sleep 0.1"]);
    await lib.runContainer({
      name: `${options.name}-run`,
      command: ["sleep", "0.2"],
      ...(options.resources ? { resources: options.resources } : {}),
    });
    await c.stop({ remove: true, timeoutMs: 200 });
  }
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
