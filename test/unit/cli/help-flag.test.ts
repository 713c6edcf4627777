// Every command's `--help` is generated from the table its parser reads, and every command reports a bad option
// or value the same way: one line naming it, the usage, the command's exit code, no stack trace.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { COMMANDS } from "../../../src/cli/commands/index.js";
import { main } from "../../../src/cli/main.js";
import { type CommandGroup, helpFor, parseCommandLine } from "../../../src/cli/options.js";
import { SYNTAX_BY_COMMAND, syntaxOf } from "./syntaxes.js";

let out = "";
let err = "";

beforeEach(() => {
  out = "";
  err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  // Stay in this process: a learner's `nsbook` would run itself again through sudo (as-root.ts).
  vi.stubEnv("NSBOOK_PRIVILEGE", "root");
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** Flags each command's help must list, as `--help` prints them (from its table). */
const FLAGS: Record<string, string[]> = {
  doctor: ["    --json", "    --no-probe"],
  rootfs: ["nsbook rootfs import", "--from PATH|URL", "--sha256 HEX", "nsbook rootfs alpine", "--mirror URL"],
  layers: ["nsbook layers commit", "--from CONTAINER|UPPER_DIR", "--replace", "--upper"],
  run: ["-w, --workdir DIR", "-m, --memory SIZE", "--net none|bridge", "-d, --detach", "-e, --env K=V"],
  exec: ["-w, --workdir DIR", "-e, --env K=V", "--env-file FILE"],
  shell: ["usage: nsbook shell NAME"],
  ps: ["    --json", "-q, --quiet"],
  stop: ["-t, --time SECONDS", "-a, --all", "--owner OWNER"],
  kill: ["-s, --signal SIGNAL", "(default: SIGKILL)"],
  network: [
    "nsbook network nat",
    "-p, --publish HOSTPORT:CONTAINER:PORT",
    "--bridge NAME",
    "(default: nsbook0)",
  ],
  stats: ["-w, --watch", "--interval S", "--png FILE", "--seconds N", "(default: 10)"],
  logs: ["-f, --follow", "-n, --tail N"],
  step: ["--name NAME", '--command "..."', "--rootfs DIR", "N [COUNT]"],
  handouts: ["--lang ja|en|all", "--answers", "--notebook NAME", "--pdf", "--out DIR", "(default: all)"],
};

describe("nsbook <command> --help", () => {
  it("has a list of flags to look for, and the table, of every command", async () => {
    expect(Object.keys(FLAGS).sort()).toEqual(COMMANDS.map((c) => c.name).sort());
    for (const c of COMMANDS) expect((await c.load()).syntax).toBe(SYNTAX_BY_COMMAND[c.name]);
  });

  it.each(COMMANDS.map((c) => c.name))(
    "nsbook %s --help and -h print the help generated from its table",
    async (name) => {
      expect(await main([name, "--help"])).toBe(0);
      expect(out).toMatch(new RegExp(`^usage: nsbook ${name}`));
      for (const flag of FLAGS[name] ?? []) expect(out).toContain(flag);
      expect(out).toContain("-h, --help");
      const long = out;
      out = "";
      expect(await main([name, "-h"])).toBe(0);
      expect(out).toBe(long);
      expect(err).toBe("");
    },
  );

  it("a subcommand's --help is its own; the group's lists every subcommand", () => {
    const rootfs = SYNTAX_BY_COMMAND.rootfs as CommandGroup;
    const own = helpFor(["import", "--help"], rootfs);
    expect(own).toMatch(/^usage: nsbook rootfs import /);
    expect(own).not.toContain("nsbook rootfs alpine");
    expect(helpFor(["--help"], rootfs)).toContain("nsbook rootfs alpine");
  });
});

describe("a bad option or value, the same way in every command", () => {
  it.each([
    [["ps", "--bogus"], 2, "nsbook ps: --bogus: unknown option; see `nsbook ps --help`"],
    [["doctor", "--jsn"], 2, "nsbook doctor: --jsn: unknown option; see `nsbook doctor --help`"],
    [["logs", "-x", "web"], 2, "nsbook logs: -x: unknown option; see `nsbook logs --help`"],
    [["logs", "--tail", "x", "web"], 2, 'nsbook logs: --tail "x": expected a number of lines or "all"'],
    [["kill", "-s", "STOP", "web"], 2, 'nsbook kill: --signal "STOP": not one nsbook sends; one of'],
    [["stop", "--time", "soon", "web"], 2, 'nsbook stop: --time "soon": expected seconds, e.g. 5 or 0.5'],
    [["stop", "--time"], 2, "nsbook stop: --time: needs a value; write --time SECONDS"],
    [["stats", "web", "--interval", "0"], 2, 'nsbook stats: --interval "0": not a number of seconds'],
    [["network", "nat", "-p", "80"], 2, 'nsbook network: --publish "80": expected HOSTPORT:CONTAINER:PORT'],
    [
      ["network", "show", "--out", "eth0"],
      2,
      "nsbook network: --out: unknown option; see `nsbook network show --help`",
    ],
    [
      ["rootfs", "list", "--colour"],
      2,
      "nsbook rootfs: --colour: unknown option; see `nsbook rootfs list --help`",
    ],
    [["layers", "list", "--json=yes"], 2, 'nsbook layers: --json "yes": takes no value; write --json alone'],
    [["handouts", "--lang", "fr"], 2, 'nsbook handouts: --lang "fr": expected ja, en or all'],
    [["step", "1", "--nmae", "x"], 2, "nsbook step: --nmae: unknown option; see `nsbook step --help`"],
    [["run", "--net", "host", "true"], 125, 'nsbook run: --net "host": expected none or bridge'],
    [["run", "--memory", "lots", "true"], 125, 'nsbook run: --memory "lots": not allowed; give bytes'],
    [
      ["run", "--userns-uid", "nobody", "true"],
      125,
      'nsbook run: --userns-uid "nobody": expected a numeric host ID',
    ],
    [
      ["run", "--cap-drop", "bogus", "true"],
      125,
      'nsbook run: --cap-drop: "bogus" is not a Linux capability',
    ],
    [["exec", "--workdir"], 125, "nsbook exec: --workdir: needs a value; write --workdir DIR"],
    [["exec", "--bogus", "web", "ls"], 125, "nsbook exec: --bogus: unknown option; see `nsbook exec --help`"],
  ])("nsbook %j exits %i with one line naming it, then the usage", async (args, code, line) => {
    expect(await main(args as string[])).toBe(code);
    const [first, second, ...rest] = err.split("\n");
    expect(first?.startsWith(line)).toBe(true);
    expect(second).toMatch(new RegExp(`^usage: nsbook ${(args as string[])[0]} `));
    expect(rest.join("\n")).not.toMatch(/\n\s+at /);
    expect(out).toBe("");
  });

  it("takes a value that starts with a dash as the value (--memory-swap -1, as docker)", () => {
    const run = syntaxOf("run");
    expect(parseCommandLine(["-m", "64m", "--memory-swap", "-1", "true"], run).values).toMatchObject({
      memory: "64m",
      "memory-swap": "-1",
    });
  });
});

describe("a --help or -h that is not nsbook's", () => {
  const syntax = syntaxOf;

  it("nsbook exec x -- grep --help runs grep: the help is grep's, not nsbook's", () => {
    expect(helpFor(["x", "--", "grep", "--help"], syntax("exec"))).toBeUndefined();
    expect(helpFor(["x", "grep", "--help"], syntax("exec"))).toBeUndefined();
    expect(helpFor(["x", "ls", "-h"], syntax("exec"))).toBeUndefined();
    expect(parseCommandLine(["x", "--", "grep", "--help"], syntax("exec"))).toMatchObject({
      words: ["x"],
      command: ["grep", "--help"],
    });
  });

  it("is a word after -- or an option's value in the other commands", () => {
    expect(helpFor(["--", "-h"], syntax("stop"))).toBeUndefined();
    expect(helpFor(["1", "--command", "--help"], syntax("step"))).toBeUndefined();
    expect(parseCommandLine(["1", "--command", "--help"], syntax("step")).values.command).toBe("--help");
    expect(helpFor(["web", "-h"], syntax("logs"))).toBeDefined();
  });
});
