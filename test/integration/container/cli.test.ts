// The `nsbook` command for containers, spawned as a user would run it (after `npm run build`).
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
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
    [["run", "--bogus"], /--bogus: unknown option; see `nsbook run --help`/],
    [["run", "--ns", "pid,time", "--", "true"], /"time" is not a namespace/],
    [["run", "--env", "1X=2", "--", "true"], /--env "1X=2": expected NAME=VALUE or NAME/],
    [["run", "--env-file", "/nonexistent/env", "true"], /--env-file "\/nonexistent\/env": cannot read it/],
    [["run", "--rm", "-d", "true"], /--rm with --detach: nsbook keeps a detached container/],
    [["exec"], /which container\? give its NAME/],
    [["exec", "web"], /no command given: add CMD \[ARG...\] after NAME/],
  ])(
    "nsbook %j exits 125, as docker run and exec do when the mistake is theirs, and says what was wrong",
    (args, message) => {
      const r = nsbook(args);
      expect(r.code).toBe(125);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(
        new RegExp(`\\nusage: nsbook ${args[0]} \\[OPTIONS\\] .*\\(options: nsbook ${args[0]} --help\\)`),
      );
      expect(r.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it.each([
    [["shell"], /which container\? give its NAME/],
    [["logs", "a", "b"], /give exactly one NAME/],
    [["logs", "--tail", "x", "a"], /--tail "x": expected a number of lines or "all"/],
    [["ps", "--all"], /--all: unknown option; see `nsbook ps --help`/],
    [["ps", "--json", "-q"], /--json or --quiet, not both/],
    [["kill"], /which containers\? give their NAMEs/],
    [["kill", "-s", "STOP", "web"], /--signal "STOP": not one nsbook sends/],
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

  it("run --help and exec --help list every option, from the table the parser reads", () => {
    const help = nsbook(["exec", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: nsbook exec \[-w\|--workdir DIR\] .* NAME CMD \[ARG...\]\n/);
    expect(help.stdout).toMatch(/\n {2}-e, --env K=V +a variable for the command/);
    expect(nsbook(["run", "-h"]).stdout).toMatch(/\n {6}--env-file FILE +variables from a file/);
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

    it("fails with the message and no stack trace: exit 125 for run and exec (nsbook's own failure, as docker), 1 else", () => {
      const gone = nsbook(["exec", "ghost", "--", "true"], env);
      expect(gone).toMatchObject({
        code: 125,
        stderr: 'nsbook exec: no container named "ghost" (see `nsbook ps`)\n',
      });
      const stopGone = nsbook(["stop", "ghost"], env);
      expect(stopGone).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/no container named "ghost"/),
      });
      const noRootfs = nsbook(["run", "--rootfs", join(box.home, "nope"), "--", "true"], env);
      expect(noRootfs.code).toBe(125);
      expect(noRootfs.stderr).toMatch(/^nsbook run: rootfs .* is not a directory/);
      expect(noRootfs.stderr).not.toMatch(/\n\s+at /);
    });

    it("names a value the library refuses by the flag the learner typed, before anything is created", () => {
      const cases: [string[], RegExp][] = [
        [["--ns", "pid,time"], /^nsbook run: --ns "pid,time": "time" is not a namespace/],
        [["--workdir", "tmp"], /^nsbook run: --workdir "tmp": must be an absolute path/],
        [["--hostname", "bad host"], /^nsbook run: --hostname "bad host": is not a valid hostname/],
      ];
      for (const [flags, message] of cases) {
        const r = nsbook(["run", "--rootfs", box.rootfs, ...flags, "--", "true"], env);
        expect(r.code).toBe(125);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).toMatch(/\nusage: nsbook run /);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
      expect(readdirSync(box.runDir)).toEqual([]);
    });

    it("follows docker's exit statuses: 127 not found, 126 not executable, 128+n for signal n", () => {
      expect(nsbook(["run", "/nonexistent"], env)).toMatchObject({
        code: 127,
        stderr: expect.stringMatching(/\/nonexistent: not found/),
      });
      expect(nsbook(["run", "/etc/passwd"], env).code).toBe(126);
      expect(nsbook(["run", "sh", "-c", "kill -TERM $$"], env).code).toBe(143);
    });

    it("takes the command at the first word that is not an option, as docker (no -- needed)", () => {
      expect(nsbook(["run", "-e", "A=1", "sh", "-c", 'echo "$A $0"', "-h"], env)).toMatchObject({
        code: 0,
        stdout: "1 -h\n",
      });
      expect(nsbook(["run", "--rm", "-it", "--init", "true"], env).code).toBe(0);
    });

    it("reads --env-file as docker: K=V, K alone from the caller, comments", () => {
      const file = join(box.home, "vars.env");
      writeFileSync(file, "# course\nGREETING=hello world\nFROM_CALLER\n");
      const r = nsbook(["run", "--env-file", file, "sh", "-c", 'echo "$GREETING/$FROM_CALLER"'], {
        ...env,
        FROM_CALLER: "yes",
      });
      expect(r).toMatchObject({ code: 0, stdout: "hello world/yes\n" });
    });

    it("passes SIGTERM sent to `nsbook run` on to the command, which exits by its own trap", async () => {
      const child = spawn(
        BIN,
        [
          "run",
          "--name",
          "fwd",
          "sh",
          "-c",
          'trap "echo got TERM; exit 42" TERM; echo ready; while :; do sleep 0.1; done',
        ],
        { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
      );
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
      });
      await vi.waitFor(() => expect(out).toBe("ready\n"), { timeout: 20_000, interval: 50 });
      child.kill("SIGTERM");
      const code = await new Promise<number | null>((done) => child.on("close", (c) => done(c)));
      expect(out).toBe("ready\ngot TERM\n");
      expect(code).toBe(42);
      expect(stateDirsIn(box.runDir)).not.toContain("fwd");
    });

    it("exec takes NAME then the command; kill signals the command; ps -q lists names; logs -n and -f", async () => {
      expect(
        nsbook(
          [
            "run",
            "-d",
            "--name",
            "k1",
            "sh",
            "-c",
            'trap "echo got USR1" USR1; echo one; while :; do sleep 0.1; done',
          ],
          env,
        ).code,
      ).toBe(0);
      expect(nsbook(["exec", "k1", "ls", "-d", "/etc"], env)).toMatchObject({ code: 0, stdout: "/etc\n" });
      expect(
        nsbook(["exec", "-w", "/tmp", "-e", "X=7", "k1", "sh", "-c", 'echo "$X $PWD"'], env).stdout,
      ).toBe("7 /tmp\n");
      expect(nsbook(["ps", "-q"], env).stdout).toBe("k1\n");
      expect(nsbook(["kill", "-s", "USR1", "k1"], env)).toMatchObject({ code: 0, stdout: "k1\n" });
      // The trap runs once the command's current `sleep 0.1` ends.
      await vi.waitFor(() => expect(nsbook(["logs", "-n", "1", "k1"], env).stdout).toBe("got USR1\n"), {
        timeout: 10_000,
        interval: 100,
      });
      expect(nsbook(["kill", "k1"], env).code).toBe(0);
      // -f ends once the container has exited (SIGKILL above), after the last of its output.
      const followed = nsbook(["logs", "--follow", "k1"], env);
      // (the init, a shell, reports its child's end: "Killed")
      expect(followed).toMatchObject({
        code: 0,
        stdout: expect.stringMatching(/^one\ngot USR1\n(Killed\n)?$/),
      });
      const lastLine = `${followed.stdout.trimEnd().split("\n").at(-1)}\n`;
      expect(nsbook(["logs", "--tail", "1", "k1"], env).stdout).toBe(lastLine);
      expect(nsbook(["kill", "k1"], env)).toMatchObject({
        code: 1,
        stderr: "nsbook kill: k1: its command is not running (see `nsbook ps`)\n",
      });
      expect(nsbook(["stop", "k1"], env).code).toBe(0);
      expect(nsbook(["ps", "-q"], env).stdout).toBe("");
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
