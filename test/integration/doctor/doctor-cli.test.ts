// `nsbook doctor` as a learner runs it: the real probes, the real cgroupfs, the compiled CLI.
import { execFile, execFileSync } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";
import { type DoctorReport, runDoctor } from "../../../src/lib/doctor/index.js";
import { all, describeWhen, needPath, needRoot } from "../../support/requirements.js";

const ROOT = join(__dirname, "../../..");
const CLI = join(ROOT, "dist/cli/main.js");

// Asynchronous on purpose: a blocked worker misses vitest's RPC deadlines in the slow cgroup v2 VM.
function doctor(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, "doctor", ...args],
      { encoding: "utf8", timeout: 300_000 },
      (error, stdout) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout });
      },
    );
  });
}

describeWhen(all(needRoot(), needPath(CLI, "run `npm run build` first")), "nsbook doctor as root", () => {
  it("reports root, a working namespace of every type, and cgroups that match this host", async () => {
    const report = await runDoctor();
    expect(report.privilege).toBe("root");
    for (const id of [
      "ns.pid",
      "ns.mount",
      "ns.proc",
      "ns.uts",
      "ns.ipc",
      "ns.net",
      "ns.user",
      "fs.chroot",
    ]) {
      expect(report.checks.find((c) => c.id === id)?.status, id).toBe("ok");
    }
    const fsType = execFileSync("stat", ["-f", "-c", "%T", "/sys/fs/cgroup"], { encoding: "utf8" }).trim();
    expect(report.cgroups.layout === "v2").toBe(fsType === "cgroup2fs");
  });

  it("--json prints the report and exits 0 exactly when steps 1-7 can run", async () => {
    const { code, stdout } = await doctor(["--json"]);
    const report = JSON.parse(stdout) as DoctorReport;
    expect(report.steps).toHaveLength(11);
    expect(code).toBe(report.ok ? 0 : 1);
    expect(report.ok).toBe(report.steps.filter((s) => s.step <= 7).every((s) => s.runnable));
  });

  it("prints sections with marks, and the course steps", async () => {
    const { stdout } = await doctor([]);
    expect(stdout).toMatch(/^nsbook doctor: Linux \S+, privilege mode root$/m);
    expect(stdout).toMatch(/^ {2}[✓!✗·] cgroup memory +v[12] at \/sys\/fs\/cgroup/m);
    expect(stdout).toMatch(/^Course steps on this machine$/m);
    expect(stdout).toMatch(
      /^(The whole course \(steps 1-7\) can run here|Steps? [\d, ]+ of the course will not run here)/m,
    );
  });

  it("rejects unknown options as a usage error (exit 2)", async () => {
    expect((await doctor(["--bogus"])).code).toBe(2);
  });
});
