// Overlay layers on the real kernel: writes land in the upper layer only, the lower layer (the rootfs) is never
// touched, containers sharing a lower do not see each other's writes, a committed layer is reused, and nothing
// (no overlay mount, no upper directory) is left after removal or a crash.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type Container,
  runContainer,
  startContainer,
  stopAllContainers,
} from "../../../src/lib/container/index.js";
import {
  commitLayer,
  findWhiteouts,
  listKeptUppers,
  listLayers,
  removeKeptUpper,
  removeLayer,
} from "../../../src/lib/overlay/index.js";
import {
  type ContainerSandbox,
  eventually,
  makeContainerSandbox,
  markedProcesses,
  stateDirsIn,
} from "../../support/container-fixtures.js";
import { all, describeWhen, needPath, needRoot, needTool } from "../../support/requirements.js";

const ROOT = resolve(__dirname, "../../..");
const CLI = join(ROOT, "dist/cli/main.js");
let box: ContainerSandbox;
const started: Container[] = [];

/** A digest of a directory tree: every path with its type, mode, size, device number and file content. */
function treeDigest(dir: string): string {
  const hash = createHash("sha256");
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = join(rel, name);
      const s = lstatSync(join(dir, path));
      hash.update(`${path} ${s.mode} ${s.size} ${s.rdev} ${s.mtimeMs}\n`);
      if (s.isFile()) hash.update(readFileSync(join(dir, path)));
      else if (s.isSymbolicLink()) hash.update(readlinkSync(join(dir, path)));
      else if (s.isDirectory()) walk(path);
    }
  };
  walk("");
  return hash.digest("hex");
}

/** nsbook overlay mounts in a mountinfo text (source "nsbook-overlay"). */
function overlayMounts(mountinfo: string): string[] {
  return mountinfo.split("\n").filter((l) => / - overlay nsbook-overlay /.test(l));
}

const hostOverlayMounts = () =>
  overlayMounts(readFileSync("/proc/self/mountinfo", "utf8")).concat(
    overlayMounts(readFileSync("/proc/1/mountinfo", "utf8")),
  );

async function start(name: string, overlay: NonNullable<Parameters<typeof startContainer>[0]>["overlay"]) {
  const c = await startContainer({ name, rootfs: box.rootfs, overlay });
  started.push(c);
  return c;
}

async function sh(c: Container, script: string): Promise<string> {
  const r = await c.exec(["sh", "-c", script]);
  expect(r.stderr).toBe("");
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((r) =>
    child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", () => r()),
  );
}

describeWhen(
  all(needRoot(), needTool("unshare", "util-linux"), needPath(CLI, "run `npm run build` first")),
  "overlay layers",
  () => {
    let lowerBefore: string;
    beforeAll(async () => {
      box = await makeContainerSandbox("nsbook-overlay-test-");
      lowerBefore = treeDigest(box.rootfs);
    });

    afterEach(async () => {
      for (const c of started.splice(0)) await c.remove({ force: true, timeoutMs: 0 });
    });

    afterAll(async () => {
      await stopAllContainers({ timeoutMs: 500, staleCgroups: false });
      box?.dispose();
    });

    it("lands writes and deletions in the upper layer only, leaving the rootfs untouched", async () => {
      const c = await start("ov-writes", true);
      const upper = c.spec.overlay?.upperDir as string;
      await sh(c, "echo new > /new-file; echo changed >> /etc/hostname; rm /etc/passwd; mkdir /data");
      expect(await sh(c, "cat /new-file; ls /etc")).toBe(
        "new\ngroup\nhostname\nhosts\nnsbook-rootfs\nos-release\n",
      );
      expect(readFileSync(join(upper, "new-file"), "utf8")).toBe("new\n");
      expect(readFileSync(join(upper, "etc/hostname"), "utf8")).toMatch(/changed\n$/);
      expect(await findWhiteouts(upper)).toEqual(["etc/passwd"]);
      expect(existsSync(join(box.rootfs, "new-file"))).toBe(false);
      expect(existsSync(join(box.rootfs, "etc/passwd"))).toBe(true);
      expect(treeDigest(box.rootfs)).toBe(lowerBefore);
    });

    it("mounts the overlay inside the container only, with the rootfs as lowerdir", async () => {
      const c = await start("ov-mountinfo", true);
      const o = c.spec.overlay;
      const inside = overlayMounts(await sh(c, "cat /proc/self/mountinfo"));
      expect(inside).toHaveLength(1);
      expect(inside[0]).toContain(` / / `);
      expect(inside[0]).toContain(`lowerdir=${box.rootfs},upperdir=${o?.upperDir},workdir=${o?.workDir}`);
      expect(hostOverlayMounts()).toEqual([]);
    });

    it("gives two containers on one lower layer their own writes only", async () => {
      const a = await start("ov-share-a", true);
      const b = await start("ov-share-b", true);
      await sh(a, "echo from-a > /tmp/mine");
      await sh(b, "echo from-b > /tmp/mine; rm /etc/hosts");
      expect(await sh(a, "cat /tmp/mine; ls /etc/hosts")).toBe("from-a\n/etc/hosts\n");
      expect(await sh(b, "cat /tmp/mine; ls /etc")).toBe(
        "from-b\ngroup\nhostname\nnsbook-rootfs\nos-release\npasswd\n",
      );
      expect(treeDigest(box.rootfs)).toBe(lowerBefore);
    });

    it("commits an upper layer that a later container stacks on the rootfs, whiteouts included", async () => {
      const base = await start("ov-commit", { keep: true });
      await sh(base, "mkdir -p /opt/app && echo v1 > /opt/app/version && rm /etc/os-release");
      await sh(base, "rm -rf /home && mkdir /home && echo only > /home/readme");
      await base.stop({ timeoutMs: 0 });
      const layer = await commitLayer("ov-commit", "app-v1");
      expect(layer.whiteouts).toEqual(["etc/os-release"]);
      expect((await listLayers()).map((l) => l.name)).toEqual(["app-v1"]);
      const next = await start("ov-reuse", { lowers: ["app-v1"] });
      expect(await sh(next, "cat /opt/app/version; ls /etc; ls /home")).toBe(
        "v1\ngroup\nhostname\nhosts\nnsbook-rootfs\npasswd\nreadme\n",
      );
      expect(overlayMounts(await sh(next, "cat /proc/self/mountinfo"))[0]).toContain(
        `lowerdir=${layer.dir}:${box.rootfs},`,
      );
      // The new container writes to its own upper layer; the committed layer stays as it was.
      await sh(next, "echo v2 > /opt/app/version");
      expect(readFileSync(join(layer.dir, "opt/app/version"), "utf8")).toBe("v1\n");
      await expect(removeLayer("app-v1")).rejects.toThrow(/used by container\(s\) ov-reuse/);
      await next.remove({ force: true, timeoutMs: 0 });
      expect(await removeLayer("app-v1")).toBe(true);
      expect(treeDigest(box.rootfs)).toBe(lowerBefore);
    });

    it("leaves no overlay mount and no upper directory after removal, and keeps a kept upper only", async () => {
      const gone = await start("ov-gone", true);
      const kept = await start("ov-kept", { keep: true });
      await sh(gone, "echo x > /x");
      await sh(kept, "echo y > /y");
      const goneDirs = gone.spec.overlay;
      const keptDirs = kept.spec.overlay;
      await gone.remove({ force: true, timeoutMs: 0 });
      await kept.remove({ force: true, timeoutMs: 0 });
      expect(hostOverlayMounts()).toEqual([]);
      expect(existsSync(goneDirs?.upperDir as string)).toBe(false);
      expect(existsSync(goneDirs?.workDir as string)).toBe(false);
      expect(readFileSync(join(keptDirs?.upperDir as string, "y"), "utf8")).toBe("y\n");
      expect(existsSync(keptDirs?.workDir as string)).toBe(false);
      // A later container of that name with keep starts from the kept upper layer.
      const again = await start("ov-kept", { keep: true });
      expect(await sh(again, "cat /y")).toBe("y\n");
      await again.remove({ force: true, timeoutMs: 0 });
      expect((await listKeptUppers()).map((u) => u.container)).toContain("ov-kept");
      expect(await removeKeptUpper("ov-kept")).toBe(true);
      expect(existsSync(keptDirs?.upperDir as string)).toBe(false);
    });

    it("keeps a caller's upper directory and deletes only the work directory beside it", async () => {
      const mine = join(box.home, "my-upper");
      const c = await startContainer({ name: "ov-mine", rootfs: box.rootfs, overlay: { upperDir: mine } });
      started.push(c);
      await sh(c, "echo mine > /mine");
      expect(c.spec.overlay?.workDir).toBe(join(box.home, ".my-upper.nsbook-work"));
      await c.remove({ force: true, timeoutMs: 0 });
      expect(readFileSync(join(mine, "mine"), "utf8")).toBe("mine\n");
      expect(existsSync(join(box.home, ".my-upper.nsbook-work"))).toBe(false);
    });

    it("switches the root with pivot_root onto the merged directory too", async () => {
      const c = await startContainer({
        name: "ov-pivot",
        rootfs: box.rootfs,
        rootSwitch: "pivot_root",
        overlay: true,
      });
      started.push(c);
      await sh(c, "echo p > /p");
      expect(readFileSync(join(c.spec.overlay?.upperDir as string, "p"), "utf8")).toBe("p\n");
      expect(overlayMounts(await sh(c, "cat /proc/self/mountinfo"))[0]).toContain(" / / ");
      expect(hostOverlayMounts()).toEqual([]);
    });

    it("removes a one-shot run's upper layer when its command ends", async () => {
      const r = await runContainer({
        name: "ov-once",
        rootfs: box.rootfs,
        overlay: true,
        command: ["sh", "-c", "echo hi > /hi; cat /hi"],
      });
      expect(r.stdout).toBe("hi\n");
      expect(stateDirsIn(box.runDir)).not.toContain("ov-once");
      expect(existsSync(join(box.rootfs, "hi"))).toBe(false);
    });

    describe("after a crash", () => {
      it.each([0, 30, 150])(
        "leaves nothing `stop --all` does not clean when `nsbook run --detach --overlay` is killed after %i ms",
        async (delayMs) => {
          const launcher = spawn(
            process.execPath,
            [
              CLI,
              "run",
              "--detach",
              "--overlay",
              "--name",
              "ov-crash",
              "--rootfs",
              box.rootfs,
              "--",
              "sleep",
              "7300001",
            ],
            { env: { ...process.env }, stdio: "ignore" },
          );
          if (delayMs > 0) {
            await eventually(() => existsSync(join(box.runDir, "ov-crash")), 10_000);
            await new Promise((r) => setTimeout(r, delayMs));
          }
          launcher.kill("SIGKILL");
          await exited(launcher);
          const report = await stopAllContainers({ timeoutMs: 500, staleCgroups: false });
          expect(report.problems).toEqual([]);
          expect(stateDirsIn(box.runDir)).toEqual([]);
          expect(await markedProcesses(box.runDir)).toEqual([]);
          expect(hostOverlayMounts()).toEqual([]);
        },
      );

      it("removes the work directory of a kept upper layer after its one-shot run's launcher is killed", async () => {
        const launcher = spawn(
          process.execPath,
          [
            CLI,
            "run",
            "--overlay",
            "--keep-upper",
            "--name",
            "ov-fg",
            "--rootfs",
            box.rootfs,
            "--",
            "sh",
            "-c",
            "echo k > /k; sleep 7300002",
          ],
          { env: { ...process.env }, stdio: "ignore" },
        );
        const upper = join(box.home, "uppers", "ov-fg");
        expect(await eventually(() => existsSync(join(upper, "upper", "k")), 10_000)).toBe(true);
        launcher.kill("SIGKILL");
        await exited(launcher);
        const report = await stopAllContainers({ timeoutMs: 500, staleCgroups: false });
        expect(report.problems).toEqual([]);
        expect(hostOverlayMounts()).toEqual([]);
        expect(stateDirsIn(box.runDir)).toEqual([]);
        expect(readdirSync(upper)).toEqual(["upper"]);
        expect(await removeKeptUpper("ov-fg")).toBe(true);
      });
    });
  },
);
