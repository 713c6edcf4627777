import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ENTER_CGROUPS_FAILED,
  ENTER_CGROUPS_SCRIPT,
  wrapArgvToEnterCgroups,
} from "../../../../src/lib/cgroups/container/enter-cgroups.js";

// Regular files stand in for cgroup.procs: the script's job is to write its own PID into each, then exec.
let dir: string;
let files: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "nsbook-enter-"));
  files = ["memory", "cpu dir with space", "pids'quote"].map((d) => {
    mkdirSync(join(dir, d));
    const f = join(dir, d, "cgroup.procs");
    writeFileSync(f, "");
    return f;
  });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(argv: string[]) {
  const [file, ...args] = argv as [string, ...string[]];
  return spawnSync(file, args, { encoding: "utf8", cwd: dir });
}

describe("wrapArgvToEnterCgroups", () => {
  it("builds sh -c with a constant script, the files and the command as positional arguments", () => {
    const argv = wrapArgvToEnterCgroups(files, ["unshare", "--pid", "--fork", "sh"]);
    expect(argv.slice(0, 4)).toEqual(["/bin/sh", "-c", ENTER_CGROUPS_SCRIPT, "nsbook-enter"]);
    expect(argv.slice(4)).toEqual([...files, "--", "unshare", "--pid", "--fork", "sh"]);
  });

  it("writes the PID of the process that then becomes the command into every file", () => {
    const r = run(wrapArgvToEnterCgroups(files, ["sh", "-c", 'echo "$$"']));
    expect(r.status).toBe(0);
    const pid = r.stdout.trim();
    expect(Number(pid)).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(f, "utf8")).toBe(`${pid}\n`);
  });

  it("passes the command's arguments through untouched: no shell injection", () => {
    const nasty = ["$(touch pwned)", "`touch pwned2`", "; touch pwned3", "a b", "'", '"', "--", "*"];
    const r = run(wrapArgvToEnterCgroups(files, ["printf", "%s\\n", ...nasty]));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${nasty.join("\n")}\n`);
    for (const p of ["pwned", "pwned2", "pwned3"]) expect(existsSync(join(dir, p))).toBe(false);
  });

  it("does not run the command when a cgroup cannot be joined", () => {
    const missing = join(dir, "gone", "cgroup.procs");
    const marker = join(dir, "ran");
    const r = run(wrapArgvToEnterCgroups([files[0] as string, missing], ["touch", marker]));
    expect(r.status).toBe(ENTER_CGROUPS_FAILED);
    expect(r.stderr).toContain(`nsbook-enter: cannot join cgroup ${missing}`);
    expect(existsSync(marker)).toBe(false);
  });

  it("returns the command unchanged when there is no cgroup to enter", () => {
    expect(wrapArgvToEnterCgroups([], ["true"])).toEqual(["true"]);
  });

  it("refuses paths that are not absolute cgroup.procs files", () => {
    expect(() => wrapArgvToEnterCgroups(["cgroup.procs"], ["true"])).toThrow(/not an absolute path/);
    expect(() => wrapArgvToEnterCgroups(["/tmp/x"], ["true"])).toThrow(/cgroup.procs/);
    expect(() => wrapArgvToEnterCgroups(files, [])).toThrow(/must name a program/);
  });

  it("is valid POSIX sh for dash and busybox", () => {
    execFileSync("/bin/sh", ["-n", "-c", ENTER_CGROUPS_SCRIPT]);
    const busybox = spawnSync("busybox", [
      "sh",
      "-c",
      ENTER_CGROUPS_SCRIPT,
      "x",
      files[0] as string,
      "--",
      "true",
    ]);
    if (!busybox.error) expect(busybox.status).toBe(0);
  });
});
