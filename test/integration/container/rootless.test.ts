// Rootless containers: a non-root user (made here, removed after) runs them through a user namespace, or gets
// a failure that says why.
import { spawnSync } from "node:child_process";
import { chownSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ContainerSandbox, eventually, makeContainerSandbox } from "../../support/container-fixtures.js";
import { all, describeWhen, needPath, needRoot, needTool } from "../../support/requirements.js";

const ROOT = resolve(__dirname, "../../..");
const BIN = join(ROOT, "bin/nsbook");
const USER = `nsbtest${process.pid % 100000}`;
let box: ContainerSandbox;
let runDir = "";
let uid = 0;
let usernsWorks = false;

function asUser(argv: string[]) {
  const path = `${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin`;
  const r = spawnSync(
    "runuser",
    [
      "-u",
      USER,
      "--",
      "env",
      "-i",
      `PATH=${path}`,
      `NSBOOK_HOME=${box.home}`,
      `NSBOOK_RUN_DIR=${runDir}`,
      ...argv,
    ],
    { encoding: "utf8", input: "" },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describeWhen(
  all(
    needRoot(),
    needTool("useradd", "passwd"),
    needTool("runuser", "util-linux"),
    needPath(join(ROOT, "dist/cli/main.js"), "run `npm run build` first"),
  ),
  "rootless containers as a non-root user",
  () => {
    beforeAll(async () => {
      box = await makeContainerSandbox();
      spawnSync("useradd", [
        "--no-create-home",
        "--home-dir",
        "/nonexistent",
        "--shell",
        "/usr/sbin/nologin",
        USER,
      ]);
      uid = Number(spawnSync("id", ["-u", USER], { encoding: "utf8" }).stdout.trim());
      expect(uid).toBeGreaterThan(0);
      runDir = join(box.home, "user-run");
      mkdirSync(runDir);
      chownSync(runDir, uid, uid);
      usernsWorks = asUser(["unshare", "--user", "--map-root-user", "true"]).code === 0;
    });

    afterAll(async () => {
      asUser([BIN, "stop", "--all"]);
      // A detached container's unshare outlives the CLI that started it: once killed it is reaped by the host's
      // PID 1, which may take a moment. Nothing of the user may remain after that.
      const processesOfUser = () =>
        spawnSync("ps", ["-o", "pid=,stat=,args=", "-u", USER], { encoding: "utf8" }).stdout.trim();
      await eventually(() => processesOfUser() === "");
      const left = processesOfUser();
      spawnSync("pkill", ["-KILL", "-u", USER]);
      spawnSync("userdel", [USER]);
      box.dispose();
      expect(left).toBe("");
    });

    it("runs a one-shot container as root inside, the user's own uid outside, or says why not", () => {
      const r = asUser([
        BIN,
        "run",
        "--hostname",
        "rootless",
        "--",
        "/bin/sh",
        "-c",
        "id -u; cat /proc/self/uid_map; hostname; echo $$; sleep 0 & wait",
      ]);
      if (!usernsWorks) {
        expect(r.code).toBe(125);
        expect(r.stderr).toMatch(/user namespace|hint:/);
        return;
      }
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const [inside, map, hostname, pid] = r.stdout.trim().split("\n");
      expect(inside).toBe("0");
      expect(map?.trim().split(/\s+/)).toEqual(["0", String(uid), "1"]);
      expect(hostname).toBe("rootless");
      expect(pid).toBe("2");
    });

    it("starts, execs into, lists and stops a detached rootless container", () => {
      if (!usernsWorks) return;
      expect(asUser([BIN, "run", "--detach", "--name", "rl"]).stdout).toBe("rl\n");
      expect(
        asUser([BIN, "exec", "rl", "--", "/bin/sh", "-c", "hostname; id -u; ls /proc | grep -c '^[0-9]'"])
          .stdout,
      ).toMatch(/^rl\n0\n\d\n$/);
      const ps = JSON.parse(asUser([BIN, "ps", "--json"]).stdout) as {
        name: string;
        privilege: string;
        namespaces: string[];
      }[];
      expect(ps).toEqual([
        expect.objectContaining({
          name: "rl",
          privilege: "rootless",
          namespaces: ["user", "pid", "mount", "uts", "ipc", "net"],
        }),
      ]);
      expect(asUser([BIN, "stop", "rl"])).toMatchObject({ code: 0, stdout: "rl\n" });
    });

    it("switches the root with pivot_root rootless too", () => {
      if (!usernsWorks) return;
      const r = asUser([
        BIN,
        "run",
        "--pivot-root",
        "--",
        "/bin/sh",
        "-c",
        "cut -d' ' -f5 /proc/self/mountinfo | tr '\\n' ' '",
      ]);
      expect(r).toMatchObject({
        code: 0,
        // The root filesystem has its own device nodes (built as root), so no /dev is mounted.
        stdout: "/ /proc ",
      });
    });
  },
);
