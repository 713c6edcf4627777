// The `nsbook` command for containers, spawned as a user would run it (after `npm run build`).
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { stopAllContainers } from "../../../src/lib/container/index.js";
import {
  type ContainerSandbox,
  makeContainerSandbox,
  markedProcesses,
  stateDirsIn,
} from "../../support/container-fixtures.js";
import { all, describeWhen, needPath, needRoot, needTool } from "../../support/requirements.js";

const ROOT = resolve(__dirname, "../../..");
const BIN = join(ROOT, "bin/nsbook");
const built = needPath(join(ROOT, "dist/cli/main.js"), "run `npm run build` first");

function nsbook(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(BIN, args, { encoding: "utf8", env: { ...process.env, ...env }, input: "" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describeWhen(built, "nsbook container commands: wrong usage", () => {
  it.each([
    [
      ["run", "--bogus"],
      /unknown option --bogus: if it belongs to the container's command, put the command after --/,
    ],
    [["run", "--ns", "pid,time", "--", "true"], /"time" is not a namespace/],
    [["run", "--env", "NOEQUALS", "--", "true"], /--env "NOEQUALS": expected NAME=VALUE/],
    [["exec"], /which container\? give its NAME/],
    [["exec", "web"], /no command given: add -- CMD/],
    [["shell"], /which container\? give its NAME/],
    [["logs", "a", "b"], /give exactly one NAME/],
    [["ps", "--all"], /Unknown option '--all'/],
    [["stop"], /which containers\? give NAMEs, --all or --owner/],
    [["stop", "--all", "web"], /give NAMEs, --all or --owner, only one of them/],
    [["stop", "--owner", "a b"], /--owner "a b": expected an owner/],
    [["stop", "../etc"], /is not a valid container name/],
    [["stop", "--time", "soon", "web"], /--time "soon": expected seconds/],
    [["step"], /N \(the step\) must be a whole number from 1 to 7/],
    [["step", "9"], /N \(the step\) must be a whole number from 1 to 7, got "9"/],
    [["step", "7", "0"], /COUNT must be a whole number from 1 to 20/],
  ])("nsbook %j exits 2 with what was wrong and the usage line", (args, message) => {
    const r = nsbook(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(new RegExp(`\\nusage: nsbook ${args[0]} `));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describeWhen(
  all(built, needRoot(), needTool("unshare", "util-linux")),
  "nsbook container commands on the real kernel",
  () => {
    let box: ContainerSandbox;
    let env: NodeJS.ProcessEnv;

    beforeAll(async () => {
      box = await makeContainerSandbox();
      env = { NSBOOK_HOME: box.home, NSBOOK_RUN_DIR: box.runDir };
    });

    afterAll(async () => {
      const r = nsbook(["stop", "--all"], env);
      expect(r.code).toBe(0);
      await stopAllContainers();
      expect(stateDirsIn(box.runDir)).toEqual([]);
      expect(await markedProcesses(box.runDir)).toEqual([]);
      box.dispose();
    });

    it("stop --owner removes only the containers that owner started (a Jupyter kernel's reaper does this)", () => {
      expect(
        nsbook(["run", "-d", "--name", "own-a", "--", "sleep", "300"], { ...env, NSBOOK_OWNER: "kernel-a-1" })
          .code,
      ).toBe(0);
      expect(
        nsbook(["run", "-d", "--name", "own-b", "--", "sleep", "300"], { ...env, NSBOOK_OWNER: "kernel-b-2" })
          .code,
      ).toBe(0);
      const r = nsbook(["stop", "--owner", "kernel-a-1", "--time", "0"], env);
      expect(r).toMatchObject({ code: 0, stdout: "removed 1 container: own-a\n" });
      expect(nsbook(["ps"], env).stdout).toMatch(/^NAME .*\nown-b +running/s);
      expect(nsbook(["stop", "own-b"], env).code).toBe(0);
    });

    it("exits with the command's exit code and passes its output through", () => {
      const r = nsbook(
        ["run", "--hostname", "clibox", "--", "/bin/sh", "-c", "hostname; echo err >&2; exit 7"],
        env,
      );
      expect(r).toEqual({ code: 7, stdout: "clibox\n", stderr: "err\n" });
    });

    it("honours --ns: without uts the hostname is the host's, without pid the shell is not PID 2", () => {
      const r = nsbook(["run", "--ns", "mount", "--", "/bin/sh", "-c", "echo $$"], env);
      expect(r.code).toBe(0);
      expect(Number(r.stdout)).toBeGreaterThan(2);
      const pidNs = nsbook(["run", "--ns", "pid,mount", "--", "/bin/sh", "-c", "echo $$"], env);
      expect(pidNs.stdout).toBe("2\n");
    });

    it("starts a detached container, lists, execs, logs and stops it", () => {
      expect(
        nsbook(
          ["run", "--detach", "--name", "d1", "--", "/bin/sh", "-c", "echo hello log; exec sleep 1000"],
          env,
        ),
      ).toEqual({
        code: 0,
        stdout: "d1\n",
        stderr: "",
      });
      const ps = nsbook(["ps", "--json"], env);
      const listed = JSON.parse(ps.stdout) as {
        name: string;
        status: string;
        pid: number;
        hostname: string;
      }[];
      expect(listed).toEqual([expect.objectContaining({ name: "d1", status: "running", hostname: "d1" })]);
      expect(nsbook(["ps"], env).stdout).toMatch(
        new RegExp(`^NAME +STATUS +PID .*\\nd1 +running +${listed[0]?.pid} +d1 `),
      );
      expect(nsbook(["exec", "d1", "--", "/bin/sh", "-c", "hostname; exit 3"], env)).toMatchObject({
        code: 3,
        stdout: "d1\n",
      });
      expect(nsbook(["exec", "--workdir", "/etc", "d1", "--", "pwd"], env).stdout).toBe("/etc\n");
      // A --help or -h after -- is the container command's, not nsbook's (it used to print nsbook's usage).
      const help = nsbook(["exec", "d1", "--", "/bin/sh", "-c", 'echo "sh got $1"', "sh", "--help"], env);
      expect(help).toMatchObject({ code: 0, stdout: "sh got --help\n" });
      expect(nsbook(["exec", "d1", "--", "/bin/sh", "-c", 'echo "$0"', "-h"], env).stdout).toBe("-h\n");
      expect(nsbook(["logs", "d1"], env).stdout).toBe("hello log\n");
      expect(nsbook(["stop", "d1"], env)).toEqual({ code: 0, stdout: "d1\n", stderr: "" });
      expect(nsbook(["ps"], env).stdout).toMatch(/^no containers/);
    });

    it("fails with the message and no stack trace for a host failure, exit 1", () => {
      const gone = nsbook(["exec", "ghost", "--", "true"], env);
      expect(gone).toMatchObject({
        code: 1,
        stderr: 'nsbook exec: no container named "ghost" (see `nsbook ps`)\n',
      });
      const stopGone = nsbook(["stop", "ghost"], env);
      expect(stopGone).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/no container named "ghost"/),
      });
      const noRootfs = nsbook(["run", "--rootfs", join(box.home, "nope"), "--", "true"], env);
      expect(noRootfs.code).toBe(1);
      expect(noRootfs.stderr).toMatch(/^nsbook run: rootfs .* is not a directory/);
      expect(noRootfs.stderr).not.toMatch(/\n\s+at /);
    });

    it("reproduces steps 1 to 5 of the course without a terminal by running each step's checks", () => {
      const step1 = nsbook(["step", "1"], env);
      expect(step1.code).toBe(0);
      expect(step1.stderr).toMatch(
        /^step 1: chroot: .*\n {2}the original script: chroot \.\/rootfs \/bin\/sh\n/,
      );
      expect(step1.stdout).toMatch(/\$ ls \/\nbin\n/);
      expect(nsbook(["step", "2"], env).stdout).toMatch(/\$ echo \$\$\n2\n/);
      expect(nsbook(["step", "3"], env).stdout).toMatch(/\$ ps aux\nPID +USER +COMMAND\n +1 root/);
      expect(nsbook(["step", "4"], env).stdout).toMatch(/^\$ hostname\nmy-container\n/);
      expect(nsbook(["step", "4", "--name", "web"], env).stdout).toMatch(/^\$ hostname\nweb\n/);
      expect(nsbook(["step", "5"], env).stdout).toMatch(/\$ cat \/proc\/net\/dev\n.*\n.*\n +lo:/);
    });

    it("runs the user's --command inside the step's container", () => {
      const r = nsbook(["step", "4", "--command", "hostname; exit 4"], env);
      expect(r).toMatchObject({ code: 4, stdout: "my-container\n" });
    });

    it("runs step 6 with the container's init already in its cgroups, and removes them afterwards", () => {
      const r = nsbook(
        [
          "step",
          "6",
          "--name",
          "s6",
          "--command",
          "grep nsbook-s6 /proc/1/cgroup | cut -d: -f2 | sort | tr '\\n' ' '",
        ],
        env,
      );
      expect(r.stderr).toMatch(/^step 6: cgroups/);
      expect(r.code).toBe(0);
      // The init (PID 1) is in the container's cgroups: memory and cpu in v1 hierarchies, or the one v2 cgroup.
      expect(r.stdout.trim()).not.toBe("");
      const left = spawnSync("find", ["/sys/fs/cgroup", "-maxdepth", "6", "-name", "nsbook-s6"], {
        encoding: "utf8",
      });
      expect(left.stdout).toBe("");
    });

    it("starts COUNT containers for step 7 and prints how to attach to each", () => {
      const r = nsbook(["step", "7", "3", "--name", "s7", "--command", "hostname"], env);
      expect(r.code).toBe(0);
      for (const n of ["s7-1", "s7-2", "s7-3"]) {
        expect(r.stdout).toMatch(
          new RegExp(
            `${n} +\\(init: host PID (\\d+)\\)\\n +nsbook shell ${n}\\n +nsenter --target \\d+ --pid --mount --uts --net --root --wd /bin/sh\\n +\\| ${n}\\n`,
          ),
        );
      }
      expect(r.stdout).toMatch(/stop them with: nsbook stop s7-1 s7-2 s7-3\n$/);
      expect(nsbook(["stop", "s7-1", "s7-2", "s7-3"], env)).toMatchObject({
        code: 0,
        stdout: "s7-1\ns7-2\ns7-3\n",
      });
    });
  },
);
