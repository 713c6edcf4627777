// `userns`: root starts a container whose root is an unprivileged host user (nobody, or a chosen uid), and the
// kernel treats it as that user everywhere outside the container's own namespaces.
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Container, runContainer, startContainer } from "../../../src/lib/container/index.js";
import { hostUidOf, readGidMap, readSetgroups, readUidMap } from "../../../src/lib/inspect/index.js";
import {
  type ContainerSandbox,
  eventually,
  makeContainerSandbox,
  markedProcesses,
  stateDirsIn,
} from "../../support/container-fixtures.js";
import { all, describeWhen, needPath, needRoot, needTool } from "../../support/requirements.js";

const ROOT = resolve(__dirname, "../../..");
const BIN = join(ROOT, "bin/nsbook");
// A host uid with no passwd entry: a mapping needs no account, only a number.
const ODD_UID = 231_071;
let box: ContainerSandbox;
let detached: Container | undefined;

/** The real uid of a host process, from the first field of the Uid: line of /proc/PID/status. */
function hostUidOfProcess(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("Uid:"));
  return Number(line?.split(/\s+/)[1]);
}

describeWhen(
  all(
    needRoot(),
    needTool("setpriv", "util-linux"),
    needPath(join(ROOT, "dist/cli/main.js"), "run `npm run build` first"),
  ),
  "containers with a user namespace started by root (--userns)",
  () => {
    beforeAll(async () => {
      box = await makeContainerSandbox("nsbook-userns-test-");
      detached = await startContainer({ name: "nsbook-userns-t1", rootfs: box.rootfs, userns: true });
    });

    afterAll(async () => {
      await detached?.remove({ force: true });
      await eventually(async () => (await markedProcesses(box.runDir)).length === 0);
      const leftovers = { processes: await markedProcesses(box.runDir), state: stateDirsIn(box.runDir) };
      box.dispose();
      expect(leftovers).toEqual({ processes: [], state: [] });
    });

    it("is uid 0 inside while the host sees the container's processes as nobody (65534)", async () => {
      const c = detached as Container;
      const pid = c.pid as number;
      expect((await c.exec(["id", "-u"])).stdout).toBe("0\n");
      expect(hostUidOfProcess(pid)).toBe(65534);
      expect(await readUidMap(pid)).toEqual([{ inside: 0, outside: 65534, count: 1 }]);
      expect(await readGidMap(pid)).toEqual([{ inside: 0, outside: 65534, count: 1 }]);
      expect(await readSetgroups(pid)).toBe("deny");
      expect(await hostUidOf(pid, 0)).toBe(65534);
      expect(await hostUidOf(pid, 1000)).toBeUndefined();
    });

    it("creates files that belong to the mapped user on the host", async () => {
      const c = detached as Container;
      const r = await c.exec(["/bin/sh", "-c", "echo hi > /tmp/made-inside && stat -c %u /tmp/made-inside"]);
      expect(r).toMatchObject({ exitCode: 0, stdout: "0\n" });
      const onHost = statSync(join(box.rootfs, "tmp/made-inside"));
      expect([onHost.uid, onHost.gid]).toEqual([65534, 65534]);
      // Host root's files are unmapped inside: they show as the overflow ID.
      expect((await c.exec(["stat", "-c", "%u", "/bin"])).stdout).toBe("65534\n");
    });

    it("mounts proc and tmpfs inside, in its own mount namespace", async () => {
      const r = await (detached as Container).exec([
        "/bin/sh",
        "-c",
        "mkdir -p /tmp/p /tmp/t && mount -t proc proc /tmp/p && mount -t tmpfs tmp /tmp/t " +
          "&& cat /tmp/p/1/comm && umount /tmp/p /tmp/t",
      ]);
      expect(r).toMatchObject({ exitCode: 0, stdout: "sh\n" });
    });

    it("cannot write files owned by host root, though it is root inside", async () => {
      const r = await (detached as Container).exec([
        "/bin/sh",
        "-c",
        "echo x >> /etc/passwd; touch /bin/nsbook-probe; hostname inside-ok && hostname",
      ]);
      expect(r.stderr).toMatch(/\/etc\/passwd: Permission denied/);
      expect(r.stderr).toMatch(/nsbook-probe.*Permission denied/);
      expect(r.stdout).toBe("inside-ok\n");
      expect(readFileSync(join(box.rootfs, "etc/passwd"), "utf8")).not.toMatch(/^x$/m);
    });

    it("maps root inside to a chosen host uid and gid in a one-shot run", async () => {
      const r = await runContainer({
        name: "nsbook-userns-t2",
        rootfs: box.rootfs,
        userns: { hostUid: ODD_UID, hostGid: ODD_UID + 1 },
        command: [
          "/bin/sh",
          "-c",
          "id -u; cat /proc/self/uid_map /proc/self/gid_map; touch /tmp/odd; echo $$",
        ],
      });
      expect(r.exitCode).toBe(0);
      const lines = r.stdout.trim().split("\n");
      expect(lines[0]).toBe("0");
      expect(lines[1]?.trim().split(/\s+/)).toEqual(["0", String(ODD_UID), "1"]);
      expect(lines[2]?.trim().split(/\s+/)).toEqual(["0", String(ODD_UID + 1), "1"]);
      expect(lines[3]).toBe("2");
      const st = statSync(join(box.rootfs, "tmp/odd"));
      expect([st.uid, st.gid]).toEqual([ODD_UID, ODD_UID + 1]);
    });

    it("keeps resource limits: root joins the cgroups before becoming the mapped user", async () => {
      const r = await runContainer({
        name: "nsbook-userns-t3",
        rootfs: box.rootfs,
        userns: true,
        resources: { pids: 20 },
        command: ["/bin/sh", "-c", "id -u; grep -c nsbook-userns-t3 /proc/self/cgroup"],
      });
      expect(r.exitCode).toBe(0);
      const [id, joined] = r.stdout.trim().split("\n");
      expect(id).toBe("0");
      expect(Number(joined)).toBeGreaterThan(0);
    });

    it("runs with `nsbook run --userns` and refuses a bad --userns-uid", () => {
      const env = { ...process.env, NSBOOK_HOME: box.home, NSBOOK_RUN_DIR: box.runDir };
      const ok = spawnSync(BIN, ["run", "--userns", "--", "cat", "/proc/self/uid_map"], {
        encoding: "utf8",
        env,
      });
      expect(ok.status).toBe(0);
      expect(ok.stdout.trim().split(/\s+/)).toEqual(["0", "65534", "1"]);
      const bad = spawnSync(BIN, ["run", "--userns-uid", "0", "--", "true"], { encoding: "utf8", env });
      expect(bad.status).toBe(125);
      expect(bad.stderr).toMatch(/userns\.hostUid: 0 would map root inside to root outside/);
    });
  },
);
