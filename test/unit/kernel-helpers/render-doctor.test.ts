import { describe, expect, it } from "vitest";
import { htmlToText } from "../../../src/kernel-helpers/display/index.js";
import {
  groupChecks,
  renderDoctorReport,
  renderFixes,
  renderSteps,
} from "../../../src/kernel-helpers/doctor/index.js";
import type { DoctorReport } from "../../../src/lib/doctor/types.js";

// A rootless machine with pure cgroup v2 where the memory controller is not delegated.
const report: DoctorReport = {
  generatedAt: "2025-01-01T00:00:00.000Z",
  privilege: "rootless",
  kernelRelease: "6.8.0-49-generic",
  cgroups: {
    layout: "v2",
    v2MountPoint: "/sys/fs/cgroup",
    v2CallerPath: "/user.slice/user-1000.slice/session-2.scope",
    controllers: [
      {
        controller: "memory",
        version: 2,
        mountPoint: "/sys/fs/cgroup",
        callerPath: "/user.slice/user-1000.slice/session-2.scope",
        usable: false,
        whyNot: "not delegated to user 1000",
        fix: "systemd-run --user --scope -p Delegate=yes",
      },
      {
        controller: "pids",
        version: 2,
        mountPoint: "/sys/fs/cgroup",
        callerPath: "/user.slice",
        usable: true,
      },
    ],
  },
  checks: [
    { id: "tools.unshare", group: "tools", title: "unshare", status: "ok", detail: "util-linux 2.39.3" },
    {
      id: "privilege.mode",
      group: "privilege",
      title: "Privilege mode",
      status: "warn",
      detail: "rootless <user namespaces>",
      fix: "sudo -v",
    },
    {
      id: "cgroup.memory",
      group: "cgroups",
      title: "memory controller",
      status: "fail",
      detail: "v2, not delegated",
      fix: "systemd-run --user --scope -p Delegate=yes",
    },
    { id: "x.custom", group: "custom", title: "Something new", status: "info", detail: "later section" },
    {
      id: "cgroup.cpu",
      group: "cgroups",
      title: "cpu controller",
      status: "fail",
      detail: "v2, not delegated",
      fix: "systemd-run --user --scope -p Delegate=yes",
    },
  ],
  steps: [
    { step: 1, title: "chroot", runnable: true },
    {
      step: 6,
      title: "cgroups",
      runnable: false,
      why: "memory and cpu cannot be limited",
      blockedBy: ["cgroup.memory", "cgroup.cpu"],
    },
  ],
  ok: false,
};

describe("doctor report rendering", () => {
  it("groups checks by section in the course's order, unknown sections last", () => {
    expect(groupChecks(report.checks).map((g) => g.section)).toEqual([
      "privilege",
      "cgroups",
      "tools",
      "custom",
    ]);
  });

  it("shows the verdict, one table per section and the escaped details", () => {
    const html = renderDoctorReport(report, undefined, "en");
    const text = htmlToText(html);
    expect(text).toContain(
      "privileges: rootless (user namespaces) · kernel: 6.8.0-49-generic · cgroup layout: v2 (unified)",
    );
    expect(text).toContain("✗ 1 of 2 steps cannot run on this machine (see the tables below).");
    expect(text).toContain(
      "Privileges\nstatus | check | what was found | how to fix\n! warning | Privilege mode | rootless <user namespaces> | sudo -v",
    );
    expect(html).not.toContain("<user namespaces>");
    expect(html).toContain('data-nsbook-doctor-ok="false"');
  });

  it("highlights warnings and failures", () => {
    const html = renderDoctorReport(report, ["checks"], "en");
    expect(html.match(/data-highlight="true"/g)).toHaveLength(3);
  });

  it("shows each controller's version, our cgroup and why it cannot be used", () => {
    const text = htmlToText(renderDoctorReport(report, ["cgroups"], "en"));
    expect(text).toContain(
      "memory | v2 | /sys/fs/cgroup | /user.slice/user-1000.slice/session-2.scope | ✗ failed | not delegated to user 1000 — systemd-run --user --scope -p Delegate=yes",
    );
  });

  it("says which steps can run and what blocks the others", () => {
    const text = htmlToText(renderSteps(report.steps, "ja"));
    expect(text).toContain("1 | chroot | ✓ できる");
    expect(text).toContain(
      "6 | cgroups | ✗ できない | memory and cpu cannot be limited | cgroup.memory, cgroup.cpu",
    );
  });

  it("lists each fix once", () => {
    const text = htmlToText(renderFixes(report, "en"));
    expect(text.match(/Delegate=yes/g)).toHaveLength(1);
    expect(text).toContain("sudo -v");
  });

  it("says so when every step can run", () => {
    const ok = { ...report, ok: true, checks: [], steps: [{ step: 1, title: "chroot", runnable: true }] };
    expect(htmlToText(renderDoctorReport(ok, ["verdict", "fixes"], "ja"))).toContain(
      "このマシンでコースの全ステップを実行できます。",
    );
  });
});
