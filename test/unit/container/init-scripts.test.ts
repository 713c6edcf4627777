// The shell programs run for real (no privileges needed for these parts). The init runs on the container's
// shell, busybox ash in the default rootfs: the host's busybox plays it here when present.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  CGROUP_JOIN_MARKER,
  CGROUP_JOIN_SCRIPT,
  INIT_EVAL,
  INIT_SCRIPT,
} from "../../../src/lib/container/index.js";

const SH = existsSync("/bin/busybox") ? ["/bin/busybox", "sh"] : ["/bin/sh"];
const INIT_ENV = { PATH: process.env.PATH, NSBOOK_INIT: INIT_SCRIPT };

function sh(args: string[], env?: NodeJS.ProcessEnv) {
  return spawnSync(SH[0] as string, [...SH.slice(1), ...args], { encoding: "utf8", ...(env ? { env } : {}) });
}

/** Runs the init as a container would: marker, state dir, hostname "", working dir, ready flag, command. */
function init(workdir: string, ready: string, command: string[]) {
  return sh(["-c", INIT_EVAL, "nsbook-init", "/run/nsbook/x", "", workdir, ready, ...command], INIT_ENV);
}

const dir = mkdtempSync(join(tmpdir(), "nsbook-init-unit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the cgroup-join script", () => {
  it("writes its own PID into every file before --, then execs the rest in the same process", () => {
    const files = [join(dir, "a.procs"), join(dir, "b.procs")];
    for (const f of files) writeFileSync(f, "");
    const r = sh(["-c", CGROUP_JOIN_SCRIPT, CGROUP_JOIN_MARKER, ...files, "--", "sh", "-c", "echo $$"]);
    expect(r.status).toBe(0);
    const pid = r.stdout.trim();
    for (const f of files) expect(readFileSync(f, "utf8").trim()).toBe(pid);
  });

  it("stops with 125 before running anything when a file cannot be written", () => {
    const marker = join(dir, "ran");
    const missing = join(dir, "no/such/dir/cgroup.procs");
    const r = sh(["-c", CGROUP_JOIN_SCRIPT, CGROUP_JOIN_MARKER, missing, "--", "touch", marker]);
    expect(r.status).toBe(125);
    expect(existsSync(marker)).toBe(false);
  });
});

describe("the init script", () => {
  it("runs the command in the working directory and exits with its status", () => {
    const r = init(dir, "", ["sh", "-c", "pwd; exit 7"]);
    expect(r.stdout.trim()).toBe(dir);
    expect(r.status).toBe(7);
  });

  it("does not leave its own script in the command's environment", () => {
    const script = "if env | grep -q ^NSBOOK_INIT=; then echo set; else echo unset; fi";
    expect(init("/", "", ["sh", "-c", script]).stdout.trim()).toBe("unset");
  });

  it("forks the command instead of exec'ing it, so PID 1 stays a shell that reaps", () => {
    const r = init("/", "", ["sh", "-c", "echo $PPID"]);
    expect(Number(r.stdout.trim())).toBe(r.pid);
  });

  it("reports readiness on stderr, then sends stderr to stdout", () => {
    const r = init("/", "ready", ["sh", "-c", "echo out; echo err >&2"]);
    expect(r.stderr).toBe("nsbook-ready\n");
    expect(r.stdout).toBe("out\nerr\n");
  });

  it("fails with 125 when the working directory does not exist", () => {
    expect(init("/no/such/dir", "", ["true"]).status).toBe(125);
  });

  it("passes arguments through untouched, shell syntax included", () => {
    const args = ["$(id)", "`x`", "a b", "'q'", "--", ""];
    const r = init("/", "", ["sh", "-c", 'for a; do printf "[%s]" "$a"; done', "sh", ...args]);
    expect(r.stdout).toBe(args.map((a) => `[${a}]`).join(""));
  });
});
