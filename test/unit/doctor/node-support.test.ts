import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { nodeSupportsRequireEsm } from "../../../src/lib/doctor/tool-specs.js";

const root = join(__dirname, "../../..");
const engines: string = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).engines.node;

// Node versions on both sides of every edge: require(esm) is unflagged from 20.19 and 22.12; 21 never had it.
const grid = [
  "18.20.4",
  "20.18.3",
  "20.19.0",
  "20.19.5",
  "21.7.3",
  "22.0.0",
  "22.11.0",
  "22.12.0",
  "23.0.0",
  "24.11.1",
];
const supported = ["20.19.0", "20.19.5", "22.12.0", "23.0.0", "24.11.1"];

/** What scripts/setup/node.sh's node_version_ok says (the set-up refuses the same versions). */
function setupAccepts(version: string): boolean {
  const [major, minor] = version.split(".");
  const script = `source scripts/setup/node.sh; node_version_ok ${major} ${minor} && echo yes || echo no`;
  return execFileSync("bash", ["-c", script], { cwd: root, encoding: "utf8" }).trim() === "yes";
}

describe("the Node versions nsbook accepts", () => {
  it.each(grid)("package.json engines, doctor and the set-up agree on %s", (version) => {
    const expected = supported.includes(version);
    expect(semver.satisfies(version, engines), `engines "${engines}"`).toBe(expected);
    expect(nodeSupportsRequireEsm(version), "doctor").toBe(expected);
    expect(setupAccepts(version), "scripts/setup/node.sh").toBe(expected);
  });
});
