import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overlayMountData, planOverlay } from "../../../src/lib/overlay/index.js";

let home: string;
let rootfs: string;
const previous = { home: process.env.NSBOOK_HOME, run: process.env.NSBOOK_RUN_DIR };

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), "nsbook-overlay-unit-"));
  rootfs = join(home, "rootfs", "busybox");
  mkdirSync(rootfs, { recursive: true });
  mkdirSync(join(home, "layers", "app"), { recursive: true });
  mkdirSync(join(home, "layers", "tools"), { recursive: true });
  process.env.NSBOOK_HOME = home;
  process.env.NSBOOK_RUN_DIR = join(home, "run");
});

afterAll(() => {
  if (previous.home === undefined) delete process.env.NSBOOK_HOME;
  else process.env.NSBOOK_HOME = previous.home;
  if (previous.run === undefined) delete process.env.NSBOOK_RUN_DIR;
  else process.env.NSBOOK_RUN_DIR = previous.run;
  rmSync(home, { recursive: true, force: true });
});

const ctx = (namespaces = ["pid", "mount", "uts"]) => ({ container: "web", rootfs, namespaces });

describe("planOverlay", () => {
  it("gives nothing without an overlay", async () => {
    expect(await planOverlay(undefined, ctx())).toBeUndefined();
    expect(await planOverlay(false, ctx())).toBeUndefined();
  });

  it("puts a throw-away upper, work and merged directory in the container's run folder", async () => {
    const o = await planOverlay(true, ctx());
    const own = join(home, "run", "web", "overlay");
    expect(o).toEqual({
      lowers: [rootfs],
      upperDir: join(own, "upper"),
      workDir: join(own, "work"),
      mergedDir: join(own, "merged"),
      keep: false,
    });
  });

  it("keeps the upper layer under the data directory with keep", async () => {
    const o = await planOverlay({ keep: true }, ctx());
    expect(o).toMatchObject({ upperDir: join(home, "uppers", "web", "upper"), keep: true });
    expect(o?.workDir).toBe(join(home, "uppers", "web", "work"));
  });

  it("stacks committed layers on the rootfs, top first", async () => {
    const o = await planOverlay({ lowers: ["app", "tools"] }, ctx());
    expect(o?.lowers).toEqual([join(home, "layers", "app"), join(home, "layers", "tools"), rootfs]);
    expect(overlayMountData(o as NonNullable<typeof o>)).toBe(
      `lowerdir=${home}/layers/app:${home}/layers/tools:${rootfs},upperdir=${home}/run/web/overlay/upper,workdir=${home}/run/web/overlay/work`,
    );
  });

  it("uses a caller's upper directory, keeps it, and puts the work directory beside it", async () => {
    const o = await planOverlay({ upperDir: join(home, "mine") }, ctx());
    expect(o).toMatchObject({
      upperDir: join(home, "mine"),
      workDir: join(home, ".mine.nsbook-work"),
      keep: true,
    });
  });

  it("refuses keep: false with a caller's upper directory", async () => {
    await expect(planOverlay({ upperDir: join(home, "mine"), keep: false }, ctx())).rejects.toThrow(
      /overlay\.keep: false cannot be combined with overlay\.upperDir/,
    );
  });

  it("refuses a layer that does not exist, or is given twice, naming it", async () => {
    await expect(planOverlay({ lowers: ["nope"] }, ctx())).rejects.toThrow(
      /overlay\.lowers\[0\]: "nope" is not a committed layer/,
    );
    await expect(planOverlay({ lowers: ["app", "app"] }, ctx())).rejects.toThrow(
      /overlay\.lowers\[1\]: "app" is given twice/,
    );
    await expect(planOverlay({ lowers: ["../../etc"] }, ctx())).rejects.toThrow(/is not a layer name/);
  });

  it("refuses an upper directory inside a read-only layer", async () => {
    await expect(planOverlay({ upperDir: join(rootfs, "tmp", "up") }, ctx())).rejects.toThrow(
      /overlaps the read-only layer/,
    );
  });

  it("refuses a container without a mount namespace (the mount would land on the host)", async () => {
    await expect(planOverlay(true, ctx(["pid"]))).rejects.toThrow(/add "mount" to namespaces/);
  });

  it("refuses a user namespace, which it does not support yet", async () => {
    await expect(planOverlay(true, ctx(["user", "mount"]))).rejects.toThrow(/user namespace/);
  });
});
