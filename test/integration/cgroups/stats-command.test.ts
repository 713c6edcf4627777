// `nsbook stats` on real cgroups, run in-process through the CLI's main().
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { main } from "../../../src/cli/main.js";
import { type ContainerCgroups, createContainerCgroups } from "../../../src/lib/cgroups/index.js";
import { runHost } from "../../../src/lib/host/index.js";
import { all, describeWhen, needRoot } from "../../support/requirements.js";
import { detectCgroupsNow } from "./detect-now.js";

const detection = detectCgroupsNow();
const usable = ["memory", "cpu", "pids"].every(
  (c) => detection.controllers.find((p) => p.controller === c)?.usable,
);
const NAME = `cgtest-${process.pid}-stats`;

let out = "";
let err = "";
let cg: ContainerCgroups | undefined;
let dir: string;
beforeEach(() => {
  out = "";
  err = "";
  dir = mkdtempSync(join(tmpdir(), "nsbook-stats-"));
  vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    err += String(s);
    return true;
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await cg?.dispose();
  cg = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describeWhen(
  all(needRoot(), { ok: usable, reason: "memory, cpu and pids cgroups are not all usable here" }),
  "nsbook stats",
  () => {
    it("prints usage against the limits of a cgroup found by name", async () => {
      cg = await createContainerCgroups(NAME, { memory: "64M", cpus: 0.5, pids: 16 }, { detection });
      const run = runHost(cg.wrapArgv(["sleep", "5"]), { allowFailure: true });
      expect(await main(["stats", NAME, "--interval", "0.2"])).toBe(0);
      expect(out).toMatch(new RegExp(`^nsbook-${NAME} \\(memory v[12]`));
      expect(out).toMatch(/memory .* of 64 MiB/);
      expect(out).toMatch(/cpu +0\.\d\d cores of 0\.5/);
      expect(out).toMatch(/pids +\d of 16/);
      await cg.manager.killAll();
      await run;
    });

    it("writes the usage chart as a PNG", async () => {
      cg = await createContainerCgroups(NAME, { memory: "64M" }, { detection });
      const run = runHost(cg.wrapArgv(["sleep", "5"]), { allowFailure: true });
      const png = join(dir, "usage.png");
      expect(await main(["stats", NAME, "--png", png, "--seconds", "0.5"])).toBe(0);
      expect(existsSync(png)).toBe(true);
      expect(readFileSync(png).subarray(1, 4).toString("latin1")).toBe("PNG");
      expect(out).toMatch(/usage\.png: \d+ samples, 0 OOM kill events/);
      await cg.manager.killAll();
      await run;
    });

    it("says so when no container or cgroup has the name", async () => {
      expect(await main(["stats", `${NAME}-none`])).toBe(1);
      expect(err).toMatch(/no cgroups named nsbook-.*-none exist/);
    });

    it("refuses wrong usage with exit code 2", async () => {
      expect(await main(["stats"])).toBe(2);
      expect(await main(["stats", NAME, "--interval", "soon"])).toBe(2);
      expect(err).toMatch(/--interval "soon": not a number of seconds/);
    });
  },
);
