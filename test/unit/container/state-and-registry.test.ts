// Container state files and the resource registry, on real files in a temporary run directory.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ContainerState, normalizeSpec } from "../../../src/lib/container/index.js";
import {
  claimContainerDir,
  disposeResources,
  forgetResource,
  listContainerNames,
  REMOVING_PREFIX,
  type ResourceDisposer,
  readState,
  readStoredState,
  recordResource,
  removeContainerDir,
  removeUnfinishedRemovals,
  updateState,
  writeState,
} from "../../../src/lib/core/index.js";

let run = "";
const previous = process.env.NSBOOK_RUN_DIR;
beforeAll(() => {
  run = mkdtempSync(join(tmpdir(), "nsbook-state-unit-"));
  process.env.NSBOOK_RUN_DIR = run;
});
afterAll(() => {
  if (previous === undefined) delete process.env.NSBOOK_RUN_DIR;
  else process.env.NSBOOK_RUN_DIR = previous;
  rmSync(run, { recursive: true, force: true });
});

function state(name: string): ContainerState {
  return {
    version: 1,
    name,
    kind: "detached",
    privilege: "root",
    spec: normalizeSpec({ name }, "/r", ["true"], undefined),
    createdAt: new Date().toISOString(),
    phase: "creating",
    launcher: { pid: process.pid, startTime: 1 },
    logPath: join(run, name, "init.log"),
    cgroupProcsFiles: [],
    resources: [],
  };
}

describe("container state", () => {
  // Found by the soak (scripts/soak): a stop racing a start of the same name failed with "ENOTEMPTY, rmdir"
  // because it deleted the folder of the new container the start had just claimed and was writing.
  it("removes a container's folder only when it still holds that container (createdAt), not a newcomer of its name", async () => {
    const old = { ...state("reused"), createdAt: "2026-01-01T00:00:00.000Z" };
    expect(await claimContainerDir("reused")).toBe(true);
    await writeState(old);
    // Another remover wins, and a start claims the name again for a new container.
    await removeContainerDir("reused");
    expect(await claimContainerDir("reused")).toBe(true);
    const newcomer = { ...state("reused"), createdAt: "2026-01-01T00:00:01.000Z" };
    await writeState(newcomer);
    // The late remover of the old container leaves the newcomer alone...
    await removeContainerDir("reused", old.createdAt);
    expect((await readState("reused")).createdAt).toBe(newcomer.createdAt);
    expect(readdirSync(run).filter((n) => n.startsWith(REMOVING_PREFIX))).toEqual([]);
    // ...and the newcomer's own removal works, twice over.
    await removeContainerDir("reused", newcomer.createdAt);
    await removeContainerDir("reused", newcomer.createdAt);
    expect(await readStoredState("reused")).toBeUndefined();
  });

  // Found by the soak (scripts/soak, 1000 lifecycles): a start racing a stop of the same name failed with
  // "ENOENT, open .../state.json.<pid>.<hex>.tmp": the late remover of the old container had renamed the
  // newcomer's just-claimed folder aside to look at it, and the newcomer's first state write found no folder.
  it("never moves a newcomer's folder aside, even for a moment, while the newcomer writes its state", async () => {
    const oldCreatedAt = "2026-01-01T00:00:00.000Z";
    for (let round = 0; round < 200; round++) {
      const name = `racer${round}`;
      expect(await claimContainerDir(name)).toBe(true);
      // The newcomer writes its first state while a late remover of the old container looks at the folder.
      const results = await Promise.allSettled([
        writeState(state(name)),
        removeContainerDir(name, oldCreatedAt),
        writeState(state(name)),
      ]);
      expect(results.filter((r) => r.status === "rejected")).toEqual([]);
      expect((await readState(name)).name).toBe(name);
      await removeContainerDir(name);
    }
    expect(readdirSync(run).filter((n) => n.startsWith(REMOVING_PREFIX))).toEqual([]);
  });

  // Found by the soak: a double stop where one stop removed the folder while the other was recording that a
  // resource was disposed of failed with "ENOENT, open .../state.json.<pid>.<hex>.tmp".
  it("treats a folder removed between updateState's read and its write as a container that is gone", async () => {
    expect(await claimContainerDir("vanishing")).toBe(true);
    await writeState(state("vanishing"));
    const updated = await updateState("vanishing", () => {
      rmSync(join(run, "vanishing"), { recursive: true, force: true }); // the other stop wins meanwhile
    });
    expect(updated).toBeUndefined();
    expect(await readStoredState("vanishing")).toBeUndefined();
  });

  it("sweeps folders a killed removal left renamed aside, which are never listed as containers", async () => {
    const aside = join(run, `${REMOVING_PREFIX}gone.123.abcd`);
    mkdirSync(aside);
    writeFileSync(join(aside, "state.json"), "{}");
    expect(await listContainerNames()).not.toContain(`${REMOVING_PREFIX}gone.123.abcd`);
    expect(await removeUnfinishedRemovals()).toEqual([`${REMOVING_PREFIX}gone.123.abcd`]);
    expect(existsSync(aside)).toBe(false);
  });

  it("claims a name once: a second claim of the same name fails", async () => {
    expect(await claimContainerDir("one")).toBe(true);
    expect(await claimContainerDir("one")).toBe(false);
  });

  it("writes state atomically and reads it back", async () => {
    await writeState(state("one"));
    expect((await readState("one")).name).toBe("one");
    expect(readdirSync(join(run, "one"))).toEqual(["state.json"]);
  });

  it("reports a folder without state.json (a launcher that died) instead of failing", async () => {
    await claimContainerDir("half");
    expect(await readStoredState("half")).toMatchObject({
      name: "half",
      problem: expect.stringMatching(/no state.json/),
    });
    await expect(readState("half")).rejects.toThrow(/was never fully created/);
  });

  it("says there is no such container, and where to look", async () => {
    expect(await readStoredState("ghost")).toBeUndefined();
    await expect(readState("ghost")).rejects.toThrow(/no container named "ghost" \(see `nsbook ps`\)/);
  });

  it("lists container folders by name", async () => {
    expect(await listContainerNames()).toEqual(["half", "one"]);
  });

  it("removes a folder, and removing again does nothing", async () => {
    await removeContainerDir("half");
    await removeContainerDir("half");
    expect(await listContainerNames()).toEqual(["one"]);
  });
});

describe("the resource registry", () => {
  it("records resources in order, once each, and forgets them on request", async () => {
    await recordResource("one", { kind: "test-a", id: "1" });
    await recordResource("one", { kind: "test-b", id: "2" });
    await recordResource("one", { kind: "test-a", id: "1" });
    expect((await readState("one")).resources.map((r) => `${r.kind}:${r.id}`)).toEqual([
      "test-a:1",
      "test-b:2",
    ]);
    await forgetResource("one", "test-b", "2");
    expect((await readState("one")).resources.map((r) => r.id)).toEqual(["1"]);
  });

  it("refuses to record for a container that does not exist", async () => {
    await expect(recordResource("ghost", { kind: "test-a", id: "x" })).rejects.toThrow(/has no state/);
  });

  const order: string[] = [];
  const disposers: Record<string, ResourceDisposer> = {
    "test-a": async (r) => {
      order.push(r.id);
    },
    "test-fail": async () => {
      throw new Error("device busy");
    },
  };

  it("disposes in reverse order and reports kinds nobody can dispose of", async () => {
    const records = ["1", "2", "3"].map((id) => ({ kind: "test-a", id, recordedAt: "" }));
    const outcome = await disposeResources(
      "one",
      [...records, { kind: "test-unknown", id: "9", recordedAt: "" }],
      "root",
      disposers,
    );
    expect(order).toEqual(["3", "2", "1"]);
    expect(outcome.failed.map((f) => f.error)).toEqual([
      expect.stringMatching(/no disposer for resources of kind "test-unknown"/),
    ]);
  });

  it("keeps going when one disposer fails, and says which one", async () => {
    const outcome = await disposeResources(
      "one",
      [
        { kind: "test-a", id: "1", recordedAt: "" },
        { kind: "test-fail", id: "2", recordedAt: "" },
      ],
      "root",
      disposers,
    );
    expect(outcome.disposed.map((r) => r.id)).toEqual(["1"]);
    expect(outcome.failed).toEqual([{ record: expect.objectContaining({ id: "2" }), error: "device busy" }]);
  });
});
