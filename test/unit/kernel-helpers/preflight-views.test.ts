// The start page's views: privilege modes, "this machine", the leftover rule, where the CLI is. Pure parts,
// fed with doctor reports evaluated from captured hosts (test/fixtures/hosts).
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  describeNsbookCommand,
  findNsbookCommand,
  machineRows,
  privilegeModeRows,
  renderCourseContainers,
  renderPrivilegeModes,
} from "../../../src/kernel-helpers/index.js";
import { evaluateDoctor } from "../../../src/lib/doctor/index.js";
import { roleOf } from "../../../src/lib/index.js";
import { cgroupsOf, rootFacts, rootlessFacts } from "../doctor/doctor-facts.js";

describe("privilege modes", () => {
  it("lets root run every step, sudo and rootless all but 06, and none nothing", () => {
    const rows = privilegeModeRows("rootless");
    const by = Object.fromEntries(rows.map((r) => [r.mode, r]));
    expect(by.root?.canRun).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(by.sudo?.cannotRun).toEqual([6]);
    expect(by.rootless?.canRun).toEqual([1, 2, 3, 4, 5, 7]);
    expect(by.rootless?.cannotRun).toEqual([6]);
    expect(by.none?.canRun).toEqual([]);
    expect(rows.filter((r) => r.here).map((r) => r.mode)).toEqual(["rootless"]);
  });

  it("marks this machine's mode in the table, in the notebook's language", () => {
    expect(renderPrivilegeModes("root", "en")).toMatch(/root ← this machine/);
    expect(renderPrivilegeModes("sudo", "ja")).toMatch(/sudo ← このマシン/);
  });
});

describe("this machine", () => {
  it("names the v1 files step 06 writes on a hybrid host", () => {
    const rows = machineRows(evaluateDoctor(rootFacts()), { systemd: false, pid1: "init" }, "en");
    const memory = rows.find((r) => r.what === "cgroup memory");
    expect(rows.find((r) => r.what === "cgroup layout")?.found).toBe("hybrid");
    expect(memory?.meaning).toMatch(/memory\.limit_in_bytes/);
    expect(rows.find((r) => r.what === "cgroup cpu")?.meaning).toMatch(/cpu\.cfs_quota_us/);
    expect(rows.find((r) => r.what === "WSL")?.status).toBe("ok");
  });

  it("shows WSL2 as information and where its memory controller went", () => {
    const report = evaluateDoctor(
      rootFacts({
        kernelRelease: "6.18.33.1-microsoft-standard-WSL2",
        cgroups: cgroupsOf("wsl2-hybrid-no-memory-v1"),
      }),
    );
    const rows = machineRows(report, { systemd: false, pid1: "init" }, "en");
    const wsl = rows.find((r) => r.what === "WSL");
    expect(wsl?.status).toBe("info");
    expect(wsl?.found).toMatch(/WSL2/);
    const memory = report.cgroups.controllers.find((c) => c.controller === "memory");
    const row = rows.find((r) => r.what === "cgroup memory");
    expect(row?.status).toBe(memory?.usable ? "ok" : "fail");
    if (memory?.version === 2) expect(row?.found).toMatch(/^v2/);
  });

  it("says what systemd means for cgroups when it is the init", () => {
    const rows = machineRows(evaluateDoctor(rootFacts()), { systemd: true, pid1: "systemd" }, "en");
    expect(rows.find((r) => r.what === "init (PID 1)")?.found).toBe("PID 1: systemd (systemd)");
  });

  it("reports rootless mode's cgroups as not usable", () => {
    const report = evaluateDoctor(rootlessFacts());
    const rows = machineRows(report, { systemd: false }, "en");
    expect(rows.find((r) => r.what === "cgroup memory")?.status).toBe("fail");
    expect(report.privilege).toBe("rootless");
  });
});

describe("leftovers", () => {
  it("counts only course containers whose creator is gone as left over", () => {
    expect(roleOf("nsbook-nb03", false)).toBe("leftover");
    expect(roleOf("nsbook-nb05-peer", true)).toBe("in-use");
    expect(roleOf("my-box", false)).toBe("not-course");
  });

  it("highlights leftovers and says so when there is nothing", () => {
    const html = renderCourseContainers(
      [
        { name: "nsbook-nb03", status: "running", role: "leftover" },
        { name: "mine", status: "exited", role: "not-course" },
      ],
      "en",
    );
    expect(html).toMatch(/left over: its creator is gone/);
    expect(html).toMatch(/not the course/);
    expect(renderCourseContainers([], "ja")).toMatch(/何も残っていません/);
  });
});

describe("the nsbook command", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function executable(path: string): void {
    writeFileSync(path, "#!/bin/sh\n");
    chmodSync(path, 0o755);
  }

  it("finds nsbook on PATH and follows the link to the checkout", () => {
    dir = mkdtempSync(join(tmpdir(), "nsbook-cli-"));
    mkdirSync(join(dir, "project", "bin"), { recursive: true });
    mkdirSync(join(dir, "path"));
    executable(join(dir, "project", "bin", "nsbook"));
    symlinkSync(join(dir, "project", "bin", "nsbook"), join(dir, "path", "nsbook"));
    const places = findNsbookCommand(join(dir, "path"), join(dir, "project"));
    expect(places.onPath).toBe(join(dir, "path", "nsbook"));
    expect(places.target).toBe(join(dir, "project", "bin", "nsbook"));
    expect(describeNsbookCommand(places, "en")).toMatch(/^In a terminal, type nsbook/);
  });

  it("points at the project's bin/nsbook when PATH has none", () => {
    dir = mkdtempSync(join(tmpdir(), "nsbook-cli-"));
    mkdirSync(join(dir, "bin"));
    executable(join(dir, "bin", "nsbook"));
    const places = findNsbookCommand("/nonexistent", dir);
    expect(places.onPath).toBeUndefined();
    expect(describeNsbookCommand(places, "en")).toContain(join(dir, "bin", "nsbook"));
    expect(describeNsbookCommand({}, "ja")).toMatch(/setup\.sh/);
  });
});
