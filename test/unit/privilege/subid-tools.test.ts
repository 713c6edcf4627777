// The setuid helpers for ID ranges and the ranges granted, as notebook 09 shows them: checked against PATH
// and the files themselves on this machine.
import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { readSubidTools } from "../../../src/lib/privilege/index.js";

function onPath(tool: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(":").filter(Boolean)) {
    try {
      accessSync(join(dir, tool), constants.X_OK);
      return join(dir, tool);
    } catch {}
  }
  return undefined;
}

const rangeLines = (file: string) =>
  existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => l.trim() !== "").length
    : undefined;

it("finds newuidmap/newgidmap where PATH has them and counts the lines of /etc/subuid and /etc/subgid", async () => {
  const tools = await readSubidTools();
  expect(tools.newuidmap).toBe(onPath("newuidmap"));
  expect(tools.newgidmap).toBe(onPath("newgidmap"));
  expect(tools.subuidLines).toBe(rangeLines("/etc/subuid"));
  expect(tools.subgidLines).toBe(rangeLines("/etc/subgid"));
});
