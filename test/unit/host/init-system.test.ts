// Which init runs this machine, as the start page reports it: checked against the files it reads.
import { existsSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { readInitFacts } from "../../../src/lib/host/index.js";

it("reports systemd exactly when /run/systemd/system exists, and PID 1's command name", async () => {
  const facts = await readInitFacts();
  expect(facts.systemd).toBe(existsSync("/run/systemd/system"));
  expect(facts.pid1).toBe(readFileSync("/proc/1/comm", "utf8").trim());
  expect(facts.pid1).toMatch(/^\S+/);
});
