import { existsSync, readFileSync } from "node:fs";
import { afterAll, expect, it } from "vitest";
import { runHost } from "../../../src/lib/host/index.js";
import { mountsUnder, removeScratchDir } from "../../../src/lib/rootfs/index.js";
import { describeWhen, needRoot } from "../../support/requirements.js";

const DIR = `/tmp/nsbook-scratch-test-${process.pid}`;

describeWhen(needRoot(), "scratch directories for mount experiments", () => {
  afterAll(async () => {
    await removeScratchDir(DIR);
  });

  it("unmounts stacked and nested mounts deepest first, then deletes the directory", async () => {
    await runHost(["mkdir", "-p", DIR]);
    await runHost(["mount", "-t", "tmpfs", "-o", "size=64k", "nsbook-scratch-a", DIR]);
    await runHost(["mount", "--make-shared", DIR]);
    await runHost(["mkdir", `${DIR}/inner`]);
    await runHost(["mount", "-t", "tmpfs", "-o", "size=16k", "nsbook-scratch-b", `${DIR}/inner`]);
    await runHost(["mount", "-t", "tmpfs", "-o", "size=16k", "nsbook-scratch-c", `${DIR}/inner`]);
    expect(await mountsUnder(DIR)).toEqual([`${DIR}/inner`, `${DIR}/inner`, DIR]);

    expect(await removeScratchDir(DIR)).toEqual([`${DIR}/inner`, `${DIR}/inner`, DIR]);
    expect(readFileSync("/proc/self/mountinfo", "utf8")).not.toContain(DIR);
    expect(existsSync(DIR)).toBe(false);
  });

  it("does nothing, without error, when there is nothing to remove", async () => {
    expect(await removeScratchDir(DIR)).toEqual([]);
  });
});
