import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { htmlToText } from "../../../../src/kernel-helpers/display/index.js";
import { localize } from "../../../../src/kernel-helpers/i18n/index.js";
import {
  canRun,
  cgroupsReadiness,
  counterMeaning,
  cpuRate,
  dirVariables,
  explainExitStatus,
  lastTopScreen,
  MEMORY_COUNTERS,
  ourParentDirs,
  placementHtml,
  readCounters,
  readinessHint,
  readinessHtml,
  setupScript,
  topCpuPercent,
} from "../../../../src/kernel-helpers/index.js";
import { type ControllerDir, detectCgroupsFromFacts, swapInUse } from "../../../../src/lib/cgroups/index.js";
import { evaluateDoctor } from "../../../../src/lib/doctor/index.js";
import { type HostFixtureName, loadHostFixture } from "../../../fixtures/hosts/load-host-fixture.js";
import { rootFacts } from "../../doctor/doctor-facts.js";

const reportOn = (host: HostFixtureName) => evaluateDoctor(rootFacts({ cgroups: loadHostFixture(host) }));

describe("cgroupsReadiness", () => {
  it("lets everything run as root on the hybrid VM", () => {
    const r = cgroupsReadiness(reportOn("hybrid-v1-debian"));
    expect(r).toMatchObject({ ok: true, pidsOk: true, fixes: [] });
    expect(canRun(r, "pids")).toBe(true);
    expect(readinessHint(r)).toBe("");
  });

  it("gives doctor's reason and fix in an unprivileged container (read-only cgroupfs)", () => {
    const r = cgroupsReadiness(reportOn("docker-unprivileged-v2"));
    expect(r.ok).toBe(false);
    expect(r.why).toBeTruthy();
    expect(r.fixes.length).toBeGreaterThan(0);
    const text = htmlToText(readinessHtml(r, "en"));
    expect(text).toContain("cannot apply cgroup limits");
    expect(text).toContain(localize(r.fixes[0] ?? "?", "en").replace(/`/g, ""));
  });

  it("asks for root when the kernel runs rootless, whatever the cgroups look like", () => {
    const report = { ...reportOn("hybrid-v1-debian"), privilege: "rootless" as const };
    const r = cgroupsReadiness(report);
    expect(r.ok).toBe(false);
    expect(localize(r.why ?? "", "en")).toMatch(/run as root.*"rootless" mode/);
    expect(localize(r.why ?? "", "ja")).toMatch(/root で動いている必要があります/);
    expect(r.fixes.map((f) => localize(f, "en"))).toEqual([expect.stringContaining("sudo npm run course")]);
    expect(readinessHint(r)).toMatchObject({ ja: expect.stringContaining("cgroup の制限をかけられません") });
  });

  it("runs memory and CPU but not pids when only the pids controller is missing", () => {
    const report = reportOn("hybrid-v1-debian");
    const controllers = report.cgroups.controllers.map((c) =>
      c.controller === "pids" ? { ...c, usable: false, whyNot: "not mounted" } : c,
    );
    const r = cgroupsReadiness({ ...report, cgroups: { ...report.cgroups, controllers } });
    expect(r).toMatchObject({ ok: true, pidsOk: false });
    expect(canRun(r)).toBe(true);
    expect(canRun(r, "pids")).toBe(false);
    expect(htmlToText(readinessHtml(r, "en"))).toContain("not usable here: not mounted");
  });
});

describe("placementHtml", () => {
  it("puts the container's cgroup below the caller's cgroup in each v1 hierarchy", () => {
    const detection = detectCgroupsFromFacts(loadHostFixture("hybrid-v1-debian"));
    const text = htmlToText(placementHtml(detection, "web", { lang: "en" }));
    const memory = detection.controllers.find((c) => c.controller === "memory");
    expect(text).toContain(`${memory?.parentDir}/nsbook-web`);
    expect(text).toContain("cgroup v1");
  });

  it("shows why a controller cannot be used, and leaves out where nothing would be created", () => {
    const detection = detectCgroupsFromFacts(loadHostFixture("docker-unprivileged-v2"));
    const text = htmlToText(placementHtml(detection, "web", { lang: "en" }));
    expect(text).not.toContain("/nsbook-web");
    expect(text).toContain("cgroup v2");
    const memory = detection.controllers.find((c) => c.controller === "memory");
    expect(text).toContain(memory?.whyNot?.slice(0, 30) ?? "?");
  });

  it("lists each parent directory once, the v2 one included", () => {
    const detection = detectCgroupsFromFacts(loadHostFixture("hybrid-v1-debian"));
    const parents = ourParentDirs(detection);
    expect(new Set(parents).size).toBe(parents.length);
    expect(parents).toContain("/sys/fs/cgroup/unified");
  });
});

const v1Controllers: ControllerDir[] = [
  { controller: "memory", version: 1, dir: "/sys/fs/cgroup/memory/a/nsbook-web" },
  { controller: "cpu", version: 1, dir: "/sys/fs/cgroup/cpu,cpuacct/nsbook-web" },
  { controller: "cpuacct", version: 1, dir: "/sys/fs/cgroup/cpu,cpuacct/nsbook-web" },
  { controller: "pids", version: 1, dir: "/sys/fs/cgroup/pids/nsbook-web" },
];
const v1 = { controllers: v1Controllers, dirs: [...new Set(v1Controllers.map((c) => c.dir))] };
const v2Dir = "/sys/fs/cgroup/user.slice/nsbook-web";
const v2 = {
  controllers: (["memory", "cpu", "pids"] as const).map(
    (controller): ControllerDir => ({ controller, version: 2, dir: v2Dir }),
  ),
  dirs: [v2Dir],
};

describe("setupScript", () => {
  it("writes the v1 files, one variable per hierarchy (co-mounted cpu,cpuacct share one)", () => {
    expect(dirVariables(v1).map((v) => v.name)).toEqual(["MEMORY", "CPU_CPUACCT", "PIDS"]);
    const script = setupScript(v1, { memory: "32M", cpus: 0.2, pids: 10 }, "en");
    expect(script).toEqual([
      "MEMORY=/sys/fs/cgroup/memory/a/nsbook-web",
      "CPU_CPUACCT=/sys/fs/cgroup/cpu,cpuacct/nsbook-web",
      "PIDS=/sys/fs/cgroup/pids/nsbook-web",
      "mkdir $MEMORY $CPU_CPUACCT $PIDS",
      "echo 33554432 > $MEMORY/memory.limit_in_bytes",
      "echo 100000 > $CPU_CPUACCT/cpu.cfs_period_us",
      "echo 20000 > $CPU_CPUACCT/cpu.cfs_quota_us",
      "echo 10 > $PIDS/pids.max",
      "for d in $MEMORY $CPU_CPUACCT $PIDS; do echo $$ > $d/cgroup.procs; done",
      "exec unshare --pid --mount ... /bin/sh   # the container, inside these cgroups",
    ]);
  });

  it("writes the v2 files in the one directory, cpu.max quoted", () => {
    const script = setupScript(v2, { memory: "32M", swap: 0, cpus: 0.5 }, "ja");
    expect(script).toEqual([
      `CG=${v2Dir}`,
      "mkdir $CG",
      "echo 33554432 > $CG/memory.max",
      "echo 0 > $CG/memory.swap.max",
      'echo "50000 100000" > $CG/cpu.max',
      "echo $$ > $CG/cgroup.procs",
      "exec unshare --pid --mount ... /bin/sh   # これらの cgroup の中でコンテナを起動",
    ]);
  });
});

describe("counters", () => {
  const root = mkdtempSync(join(tmpdir(), "nsbook-counters-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("reads each counter from the file its version names, a keyed line when the file has several", () => {
    const dir = join(root, "v2");
    mkdirSync(dir);
    writeFileSync(join(dir, "memory.max"), "33554432\n");
    writeFileSync(join(dir, "memory.current"), "1048576\n");
    writeFileSync(join(dir, "memory.peak"), "33554432\n");
    writeFileSync(join(dir, "memory.events"), "low 0\nhigh 0\nmax 41\noom 1\noom_kill 1\n");
    const vars = dirVariables({
      controllers: [{ controller: "memory", version: 2, dir }],
      dirs: [dir],
    });
    const rows = readCounters(vars, MEMORY_COUNTERS, "en");
    expect(rows.map((r) => [r.file, r.raw, r.meaning])).toEqual([
      ["$CG/memory.max", "33554432", "32 MiB"],
      ["$CG/memory.current", "1048576", "1 MiB"],
      ["$CG/memory.peak", "33554432", "32 MiB"],
      ["$CG/memory.events", "max 41", "41"],
      ["$CG/memory.events", "oom_kill 1", "1"],
    ]);
    expect(rows.find((r) => r.raw === "oom_kill 1")).toMatchObject({ value: 1, event: true });
  });

  it("leaves out an optional v1 file the kernel does not have (memsw without swap accounting)", () => {
    const dir = join(root, "v1");
    mkdirSync(dir);
    writeFileSync(join(dir, "memory.failcnt"), "7\n");
    writeFileSync(join(dir, "memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
    const vars = dirVariables({ controllers: [{ controller: "memory", version: 1, dir }], dirs: [dir] });
    const rows = readCounters(vars, MEMORY_COUNTERS, "en");
    expect(rows.map((r) => r.file)).not.toContain("$MEMORY/memory.memsw.failcnt");
    expect(rows.find((r) => r.file === "$MEMORY/memory.oom_control")?.value).toBe(2);
    expect(rows.find((r) => r.file === "$MEMORY/memory.limit_in_bytes")?.raw).toBeUndefined();
  });

  it("says what values mean in both versions' units", () => {
    expect(counterMeaning("bytes", "9223372036854771712", "en")).toBe("no limit");
    expect(counterMeaning("bytes", "max", "ja")).toBe("制限なし");
    expect(counterMeaning("cpu-max", "20000 100000", "en")).toBe("20 ms of CPU every 100 ms = 0.2 CPU");
    expect(counterMeaning("cpu-max", "max 100000", "en")).toBe("no limit");
    expect(counterMeaning("quota-us", "-1", "en")).toBe("no limit");
    expect(counterMeaning("ns", "611403726", "en")).toBe("0.611 s");
    expect(counterMeaning("max-or-count", "max", "en")).toBe("no limit");
  });
});

describe("cpuRate", () => {
  it("divides the CPU time by the wall time and counts the throttled periods", () => {
    const rate = cpuRate(
      { timeMs: 1000, cpuUsageUs: 0, cpuPeriods: 0, cpuThrottledPeriods: 0, cpuThrottledUs: 0 },
      {
        timeMs: 4000,
        cpuUsageUs: 600_000,
        cpuPeriods: 30,
        cpuThrottledPeriods: 27,
        cpuThrottledUs: 2_100_000,
        cpuQuotaUs: 20_000,
        cpuPeriodUs: 100_000,
      },
    );
    expect(rate.cores).toBeCloseTo(0.2, 9);
    expect(rate).toEqual({
      elapsedS: 3,
      usedS: 0.6,
      cores: rate.cores,
      limitCores: 0.2,
      periods: 30,
      throttled: 27,
      throttledS: 2.1,
    });
  });
});

describe("exit statuses and busybox top", () => {
  it("names the signal of a status above 128", () => {
    expect(explainExitStatus(137)).toBe("137 = 128 + 9 (SIGKILL)");
    expect(explainExitStatus(143)).toBe("143 = 128 + 15 (SIGTERM)");
    expect(explainExitStatus(2)).toBe("2");
    expect(explainExitStatus(undefined)).toBe("—");
  });

  const top = [
    "Mem: 2331352K used, 22352732K free, 8872K shrd, 27540K buff, 1186300K cached",
    "CPU:  86% usr  12% sys   0% nic   1% idle   0% io   0% irq   0% sirq",
    "Load average: 9.37 7.41 6.61 9/197 9",
    "  PID  PPID USER     STAT   VSZ %VSZ %CPU COMMAND",
    "    7     6 root     R     2268   0%  50% {yes} sh -c yes > /dev/null & top",
    "    9     6 root     R     2268   0%   0% top -b -n 2 -d 1",
  ].join("\n");

  it("reads the %CPU of a command in the last screen, an applet shown as {name} included", () => {
    const output = `${top.replace("50%", "99%")}\n\n${top}\n`;
    expect(topCpuPercent(output, "yes")).toBe(50);
    expect(topCpuPercent(output, "top")).toBe(0);
    expect(topCpuPercent(output, "sleep")).toBeUndefined();
    expect(lastTopScreen(output).startsWith("Mem:")).toBe(true);
    expect(lastTopScreen(output)).not.toContain("99%");
  });

  it("tells whether swap is in use from /proc/swaps", () => {
    const header = "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n";
    expect(swapInUse(header)).toBe(false);
    expect(swapInUse(`${header}/swapfile  file  2097148  0  -2\n`)).toBe(true);
  });
});
