// Doctor as a new learner sees it: a fresh non-root user without sudo, running the checkout's nsbook.
// Creates the user (useradd -m) and removes it with its home (userdel -r) afterwards.
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DoctorReport } from "../../../src/lib/doctor/index.js";
import {
  all,
  describeWhen,
  needPath,
  needRoot,
  needTool,
  type Requirement,
} from "../../support/requirements.js";

const ROOT = join(__dirname, "../../..");
const NSBOOK = join(ROOT, "bin/nsbook");
const USER = `nsbook-dr-${process.pid}`;

/** Another user can reach the checkout: every directory up to it is o+x and the CLI is o+r. */
function needCheckoutReadableByOthers(): Requirement {
  const blocked: string[] = [];
  for (let d = ROOT; d !== "/"; d = dirname(d)) {
    if (!(statSync(d).mode & 0o001)) blocked.push(d);
  }
  const cli = join(ROOT, "dist/cli/main.js");
  try {
    accessSync(cli, constants.R_OK);
    if (!(statSync(cli).mode & 0o004)) blocked.push(cli);
  } catch {
    blocked.push(cli);
  }
  return {
    ok: blocked.length === 0,
    reason: `other users cannot reach the checkout (${blocked.join(", ")}); use a checkout outside /root`,
  };
}

/**
 * Runs a command as the test user (`su USER -c`, as a learner's shell would), never throwing. Asynchronous
 * on purpose: a blocked worker misses vitest's RPC deadlines in the slow cgroup v2 VM.
 */
function asUser(command: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      "su",
      [USER, "-c", `cd /tmp && ${command}`],
      { encoding: "utf8", timeout: 300_000 },
      (error, stdout) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout });
      },
    );
  });
}

const requirement = all(
  needRoot(),
  needTool("useradd", "passwd"),
  needTool("su", "util-linux"),
  needPath(join(ROOT, "dist/cli/main.js"), "run `npm run build` first"),
  needCheckoutReadableByOthers(),
);

describeWhen(requirement, "nsbook doctor as a new non-root user", () => {
  let usernsWorks = false;

  beforeAll(async () => {
    spawnSync("userdel", ["-r", USER], { stdio: "ignore" });
    execFileSync("useradd", ["-m", USER]);
    usernsWorks = (await asUser("unshare --user --map-root-user true")).code === 0;
  });

  afterAll(() => {
    spawnSync("pkill", ["-KILL", "-u", USER], { stdio: "ignore" });
    execFileSync("userdel", ["-r", USER]);
  });

  it("reports the rootless mode and that steps 6 and 8 are beyond it", async () => {
    const { code, stdout } = await asUser(`${NSBOOK} doctor --json`);
    const report = JSON.parse(stdout) as DoctorReport;
    expect(code).toBe(1);
    expect(report.ok).toBe(false);
    if (!usernsWorks) {
      expect(report.privilege).toBe("none");
      return;
    }
    expect(report.privilege).toBe("rootless");
    const six = report.steps.find((s) => s.step === 6);
    expect(six?.runnable).toBe(false);
    expect(six?.blockedBy).toEqual(expect.arrayContaining(["privilege.mode", "cgroup.memory"]));
    expect(report.steps.find((s) => s.step === 8)?.blockedBy).toContain("privilege.mode");
    expect(report.checks.find((c) => c.id === "cgroup.memory")?.detail).toMatch(/may not create cgroups/);
    expect(report.checks.find((c) => c.id === "rootfs.default")).toMatchObject({
      status: "fail",
      fix: expect.stringMatching(/nsbook rootfs default/),
    });
  });

  it("once the user's rootfs exists, rootless runs every step but 6 and 8", async () => {
    if (!usernsWorks) return;
    expect((await asUser(`${NSBOOK} rootfs default`)).code).toBe(0);
    const { code, stdout } = await asUser(`${NSBOOK} doctor`);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^nsbook doctor: Linux \S+, privilege mode rootless$/m);
    expect(stdout).toMatch(/^ {2}✗ {2}6 {2}cgroups: memory and CPU limits\n {8}rootless mode: /m);
    expect(stdout).toMatch(/^ {2}! {2}8 {2}bridge network between containers\n {8}rootless mode: /m);
    for (const step of [1, 2, 3, 4, 5, 7, 9, 10, 11]) {
      expect(stdout).toMatch(new RegExp(`^ {2}✓ +${step} {2}`, "m"));
    }
    expect(stdout.trimEnd().split("\n").at(-1)).toBe(
      "Step 6 of the course will not run here (beyond the course, step 8 will not run): see the fixes above.",
    );
  });
});
