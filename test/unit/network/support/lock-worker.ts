// One process of the file-lock tests. Prints "ready", then for each line "LOCK LOG ROUNDS HOLD_MS" on stdin
// takes the lock ROUNDS times, logging "<pid> in" / "<pid> out" around each critical section of HOLD_MS
// (appends are atomic, so the log is the order), and prints "done". Exits when stdin ends.
import { appendFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { withFileLock } from "../../../../src/lib/network/file-lock.js";

async function rounds(lock: string, log: string, count: number, holdMs: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await withFileLock(lock, async () => {
      appendFileSync(log, `${process.pid} in\n`);
      await sleep(holdMs);
      appendFileSync(log, `${process.pid} out\n`);
    });
  }
}

process.stdout.write("ready\n");
const lines = createInterface({ input: process.stdin });
lines.on("line", async (line) => {
  const [lock = "", log = "", count = "1", holdMs = "2"] = line.split(" ");
  await rounds(lock, log, Number(count), Number(holdMs));
  process.stdout.write("done\n");
});
lines.on("close", () => process.exit(0));
