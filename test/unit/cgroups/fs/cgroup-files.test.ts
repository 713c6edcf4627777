import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CgroupFileError,
  CgroupFileReader,
  cgroupHint,
  makeCgroupDir,
  readCgroupFile,
  removeCgroupDir,
  writeCgroupFile,
} from "../../../../src/lib/cgroups/fs/index.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "nsbook-cgfs-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("writeCgroupFile", () => {
  it("writes the value as is", async () => {
    writeFileSync(join(dir, "memory.max"), "max\n");
    await writeCgroupFile(dir, "memory.max", "33554432");
    expect(readFileSync(join(dir, "memory.max"), "utf8")).toBe("33554432");
  });

  it("does not create a missing file, and says the controller may not be enabled", async () => {
    const e = await writeCgroupFile(dir, "pids.max", "5").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CgroupFileError);
    const err = e as CgroupFileError;
    expect(err).toMatchObject({
      operation: "write",
      path: join(dir, "pids.max"),
      value: "5",
      errno: "ENOENT",
    });
    expect(err.message).toMatch(
      new RegExp(`^failed to write "5" to ${join(dir, "pids.max")}: ENOENT \\(no such file`),
    );
    expect(err.message).toMatch(/hint: pids.max does not exist: its controller is not enabled/);
  });
});

describe("cgroupHint", () => {
  it("explains the errnos cgroupfs answers with", () => {
    expect(cgroupHint("write", "/x/memory.limit_in_bytes", "EBUSY")).toMatch(
      /below what the cgroup already uses/,
    );
    expect(cgroupHint("write", "/x/cgroup.subtree_control", "EBUSY")).toMatch(/no-internal-processes/);
    expect(cgroupHint("rmdir", "/x/nsbook-a", "EBUSY")).toMatch(/still has processes/);
    expect(cgroupHint("write", "/x/cpu.max", "EINVAL")).toBe("the kernel refused this value for cpu.max");
    expect(cgroupHint("mkdir", "/x/nsbook-a", "EACCES")).toMatch(/needs root/);
    expect(cgroupHint("mkdir", "/x/nsbook-a", "EROFS")).toMatch(/read-only/);
    expect(cgroupHint("write", "/x/cgroup.procs", "ESRCH")).toMatch(/already exited/);
    expect(cgroupHint("write", "/x/cpu.max", "EIO")).toBeUndefined();
  });
});

describe("readCgroupFile", () => {
  it("reads a file, undefined when missing", () => {
    writeFileSync(join(dir, "pids.current"), "3\n");
    expect(readCgroupFile(dir, "pids.current")).toBe("3\n");
    expect(readCgroupFile(dir, "pids.peak")).toBeUndefined();
  });
});

describe("CgroupFileReader", () => {
  it("re-reads a file from the start through one descriptor", () => {
    const f = join(dir, "memory.current");
    writeFileSync(f, "100\n");
    const r = new CgroupFileReader();
    expect(r.read(f)).toBe("100\n");
    writeFileSync(f, "4096\n");
    expect(r.read(f)).toBe("4096\n");
    r.close();
    r.close();
  });

  it("reads files larger than its buffer", () => {
    const f = join(dir, "memory.stat");
    const text = "x 1\n".repeat(5000);
    writeFileSync(f, text);
    const r = new CgroupFileReader();
    expect(r.read(f)).toBe(text);
    r.close();
  });

  it("gives undefined for a missing file", () => {
    const r = new CgroupFileReader();
    expect(r.read(join(dir, "memory.peak"))).toBeUndefined();
    r.close();
  });
});

describe("cgroup directories", () => {
  it("creates once and says whether it was new", async () => {
    const d = join(dir, "nsbook-a");
    expect(await makeCgroupDir(d)).toBe(true);
    expect(await makeCgroupDir(d)).toBe(false);
  });

  it("removes idempotently", async () => {
    const d = join(dir, "nsbook-a");
    mkdirSync(d);
    await removeCgroupDir(d);
    await removeCgroupDir(d);
  });

  it("reports a directory it cannot remove with the path", async () => {
    const d = join(dir, "nsbook-a");
    mkdirSync(d);
    writeFileSync(join(d, "f"), "");
    const e = await removeCgroupDir(d).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CgroupFileError);
    expect((e as CgroupFileError).message).toContain(`failed to rmdir ${d}`);
  });
});
