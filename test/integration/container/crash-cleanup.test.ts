// Cleanup that survives crashes: a launcher killed with SIGKILL at any point, or an exception between two
// set-up steps, leaves nothing that `stopAllContainers()` (`nsbook stop --all`) does not remove.
// (staleCgroups: false below: the sandbox has a run dir of its own; the host's idle nsbook cgroups are not its
// to sweep.)
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type Extensions,
  NSBOOK_EXTENSIONS,
  startContainer,
  stopAllContainers,
} from "../../../src/lib/container/index.js";
import {
  type ContainerSandbox,
  eventually,
  makeContainerSandbox,
  markedProcesses,
  mountsUnder,
  stateDirsIn,
  toolProcessesMentioning,
} from "../../support/container-fixtures.js";
import { all, describeWhen, needPath, needRoot, needTool } from "../../support/requirements.js";

const ROOT = resolve(__dirname, "../../..");
const CLI = join(ROOT, "dist/cli/main.js");
const LIB = join(ROOT, "dist/lib/container/index.js");
let box: ContainerSandbox;

/** PIDs of the `sleep NEEDLE` processes (a unique duration marks each test's container command). */
function processesWith(needle: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const argv = readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0");
      if (argv[0] === "sleep" && argv[1] === needle) out.push(Number(name));
    } catch {
      // gone
    }
  }
  return out;
}

function cli(args: string[]): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { env: { ...process.env }, stdio: "ignore" });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((r) =>
    child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", () => r()),
  );
}

/** Everything of ours is gone: state, marked processes, the command, mounts under the sandbox. */
async function expectNothingLeft(needle: string): Promise<void> {
  expect(stateDirsIn(box.runDir)).toEqual([]);
  expect(await markedProcesses(box.runDir)).toEqual([]);
  expect(await eventually(() => processesWith(needle).length === 0)).toBe(true);
  expect(toolProcessesMentioning([box.runDir])).toEqual([]);
  expect(mountsUnder(box.home)).toEqual([]);
}

describeWhen(
  all(needRoot(), needTool("unshare", "util-linux"), needPath(CLI, "run `npm run build` first")),
  "cleanup after crashes",
  () => {
    beforeAll(async () => {
      box = await makeContainerSandbox();
    });

    afterAll(async () => {
      await stopAllContainers({ timeoutMs: 500, staleCgroups: false });
      box.dispose();
    });

    it.each([
      ["as soon as it is spawned", 0],
      ["once its state folder exists", -1],
      ["10 ms after its state folder appears", 10],
      ["40 ms after its state folder appears", 40],
      ["120 ms after its state folder appears", 120],
    ])("cleans up a `nsbook run --detach` killed with SIGKILL %s", async (_, delayMs) => {
      const needle = String(7_000_000 + Math.abs(delayMs) + 1);
      const launcher = cli([
        "run",
        "--detach",
        "--name",
        "crashy",
        "--rootfs",
        box.rootfs,
        "--",
        "sleep",
        needle,
      ]);
      if (delayMs !== 0) {
        await eventually(() => existsSync(join(box.runDir, "crashy")), 10_000);
        if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      }
      launcher.kill("SIGKILL");
      await exited(launcher);
      const report = await stopAllContainers({ timeoutMs: 500, staleCgroups: false });
      expect(report.problems).toEqual([]);
      await expectNothingLeft(needle);
    });

    it("cleans up after the CLI is killed with SIGKILL during `nsbook run`: the container dies with it", async () => {
      const needle = "7100001";
      const launcher = cli(["run", "--name", "fg", "--rootfs", box.rootfs, "--", "sleep", needle]);
      expect(await eventually(() => processesWith(needle).length > 0, 10_000)).toBe(true);
      launcher.kill("SIGKILL");
      await exited(launcher);
      // setpriv --pdeathsig killed unshare, --kill-child its init, and the kernel the pid namespace.
      expect(await eventually(() => processesWith(needle).length === 0)).toBe(true);
      expect(stateDirsIn(box.runDir)).toEqual(["fg"]);
      const report = await stopAllContainers({ timeoutMs: 500, staleCgroups: false });
      expect(report.removed).toEqual(["fg"]);
      await expectNothingLeft(needle);
    });

    it("removes what was created when an exception comes between two set-up steps", async () => {
      const target = join(box.home, "between-steps");
      mkdirSync(target);
      // The cgroups extension, replaced by one that records and makes a mount, then fails.
      const extensions: Extensions = {
        ...NSBOOK_EXTENSIONS,
        resources: async (ctx) => {
          await ctx.record({ kind: "mount", id: target });
          execFileSync("mount", ["-t", "tmpfs", "nsbook-test-between", target]);
          throw new Error("the next set-up step failed");
        },
      };
      await expect(
        startContainer({ name: "between", rootfs: box.rootfs, resources: {}, extensions }),
      ).rejects.toThrow(/the next set-up step failed/);
      expect(mountsUnder(target)).toEqual([]);
      expect(stateDirsIn(box.runDir)).toEqual([]);
    });

    it("removes recorded resources after the launcher died between two set-up steps", async () => {
      const target = join(box.home, "crash-between");
      mkdirSync(target);
      // Another process records a mount, creates it, and is killed before the next step.
      const script = `
        const { execFileSync } = require("node:child_process");
        const lib = require(${JSON.stringify(LIB)});
        const extensions = {
          ...lib.NSBOOK_EXTENSIONS,
          resources: async (ctx) => {
            await ctx.record({ kind: "mount", id: ${JSON.stringify(target)} });
            execFileSync("mount", ["-t", "tmpfs", "nsbook-test-crash", ${JSON.stringify(target)}]);
            process.kill(process.pid, "SIGKILL");
          },
        };
        lib.startContainer({ name: "crashed", rootfs: ${JSON.stringify(box.rootfs)}, resources: {}, extensions });
      `;
      const child = spawn(process.execPath, ["-e", script], { env: { ...process.env }, stdio: "inherit" });
      await exited(child);
      expect(child.signalCode).toBe("SIGKILL");
      expect(mountsUnder(target)).toEqual([target]);
      expect(stateDirsIn(box.runDir)).toEqual(["crashed"]);
      const report = await stopAllContainers({ staleCgroups: false });
      expect(report).toMatchObject({ removed: ["crashed"], problems: [] });
      expect(mountsUnder(target)).toEqual([]);
      await expectNothingLeft("crash-between-never-started");
    });
  },
);
