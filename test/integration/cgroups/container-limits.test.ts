// The cgroups module wired into the container engine: importing it installs the resource hook, a container
// started with limits runs inside its cgroups from its first instruction, and removing it removes them.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import "../../../src/lib/cgroups/index.js";
import { runContainer } from "../../../src/lib/container/index.js";
import { defaultRootfsDir } from "../../../src/lib/paths.js";
import { all, describeWhen, needPath, needRoot, needTool } from "../../support/requirements.js";
import { detectCgroupsNow } from "./detect-now.js";

const detection = detectCgroupsNow();
const usable = ["memory", "cpu", "pids"].every(
  (c) => detection.controllers.find((p) => p.controller === c)?.usable,
);
const NAME = `cgtest-${process.pid}-run`;

const leftovers = () =>
  execFileSync("find", ["/sys/fs/cgroup", "-name", `nsbook-${NAME}`], { encoding: "utf8" }).trim();

describeWhen(
  all(
    needRoot(),
    needTool("unshare", "util-linux"),
    needPath(defaultRootfsDir(), "the busybox rootfs: `nsbook rootfs build`"),
    { ok: usable, reason: "memory, cpu and pids cgroups are not all usable here (see `nsbook doctor`)" },
  ),
  "containers with resource limits",
  () => {
    it("runs the container's command inside its cgroups and removes them when it ends", async () => {
      const r = await runContainer({
        name: NAME,
        command: ["cat", "/proc/self/cgroup"],
        resources: { memory: "64M", cpus: 0.5, pids: 32 },
      });
      expect(r.exitCode).toBe(0);
      const lines = r.stdout.trim().split("\n");
      for (const c of ["memory", "pids"]) {
        const line =
          lines.find((l) => l.split(":")[1]?.split(",").includes(c)) ??
          lines.find((l) => l.startsWith("0::"));
        expect(line, c).toMatch(new RegExp(`/nsbook-${NAME}$`));
      }
      expect(leftovers()).toBe("");
    });

    it("refuses invalid limits before creating anything, naming the option", async () => {
      await expect(
        runContainer({ name: NAME, command: ["true"], resources: { memory: "lots" } }),
      ).rejects.toThrow(/memory: "lots" is not allowed/);
      expect(leftovers()).toBe("");
    });
  },
);

describe.runIf(needRoot().ok && !usable)(
  "containers with resource limits where cgroups are not usable",
  () => {
    it("says why before creating anything", async () => {
      await expect(
        runContainer({ name: NAME, command: ["true"], resources: { memory: "64M" } }),
      ).rejects.toThrow(/cannot use the memory cgroup controller/);
    });
  },
);
