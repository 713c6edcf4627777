// The option tables of `run` and `exec`: docker's rule for where nsbook's options end, and help from the table.
import { describe, expect, it } from "vitest";
import { EXEC_SYNTAX } from "../../../src/cli/commands/exec.js";
import { RUN_SYNTAX } from "../../../src/cli/commands/run.js";
import {
  type CommandGroup,
  type CommandSyntax,
  fullUsageOf,
  helpOf,
  helpAsked as helpRequested,
  parseCommandLine,
  splitOwnArgs,
} from "../../../src/cli/options.js";
import { UsageError } from "../../../src/cli/usage-error.js";
import { ALL_SYNTAXES, SYNTAX_BY_COMMAND, syntaxOf } from "./syntaxes.js";

describe("where nsbook's options end (docker's rule)", () => {
  it("run: at the first word that is not an option, or after --", () => {
    expect(splitOwnArgs(["--name", "web", "-m", "32m", "ls", "-l"], RUN_SYNTAX)).toEqual({
      own: ["--name", "web", "-m", "32m"],
      command: ["ls", "-l"],
    });
    expect(splitOwnArgs(["-d", "--", "--weird-command"], RUN_SYNTAX)).toEqual({
      own: ["-d"],
      command: ["--weird-command"],
    });
    expect(splitOwnArgs(["--name=web", "sh"], RUN_SYNTAX)).toEqual({ own: ["--name=web"], command: ["sh"] });
    expect(splitOwnArgs(["-d"], RUN_SYNTAX)).toEqual({ own: ["-d"], command: [] });
  });

  it("a value-taking letter takes the rest of its word or the next word; a cluster of flags takes none", () => {
    expect(splitOwnArgs(["-eA=1", "-e", "B=2", "env"], RUN_SYNTAX).command).toEqual(["env"]);
    expect(splitOwnArgs(["-it", "sh"], RUN_SYNTAX)).toEqual({ own: ["-it"], command: ["sh"] });
    expect(splitOwnArgs(["-dm", "32m", "sleep", "9"], RUN_SYNTAX)).toEqual({
      own: ["-dm", "32m"],
      command: ["sleep", "9"],
    });
  });

  it("exec: NAME first, then the command, whose options stay its own", () => {
    expect(splitOwnArgs(["-w", "/tmp", "web", "ls", "-l", "-h"], EXEC_SYNTAX)).toEqual({
      own: ["-w", "/tmp", "web"],
      command: ["ls", "-l", "-h"],
    });
    expect(splitOwnArgs(["web", "--", "grep", "--help"], EXEC_SYNTAX).command).toEqual(["grep", "--help"]);
  });

  it("--help and -h are nsbook's only before the command starts", () => {
    expect(helpRequested(["web", "ls", "-h"], EXEC_SYNTAX)).toBe(false);
    expect(helpRequested(["web", "grep", "--help"], EXEC_SYNTAX)).toBe(false);
    expect(helpRequested(["-h"], EXEC_SYNTAX)).toBe(true);
    expect(helpRequested(["--memory", "32m", "--help"], RUN_SYNTAX)).toBe(true);
    expect(helpRequested(["sh", "-c", "ls -h", "--help"], RUN_SYNTAX)).toBe(false);
  });
});

describe("parsing by the table", () => {
  it("collects values by long name, repeated ones in order", () => {
    const parsed = parseCommandLine(["-e", "A=1", "--env", "B=2", "-w", "/x", "web", "env"], EXEC_SYNTAX);
    expect(parsed.values).toMatchObject({ env: ["A=1", "B=2"], workdir: "/x" });
    expect(parsed.words).toEqual(["web"]);
    expect(parsed.command).toEqual(["env"]);
  });

  it("names the mistake: an unknown option, a missing value, a missing NAME", () => {
    const message = (args: string[], syntax = RUN_SYNTAX) => {
      try {
        parseCommandLine(args, syntax);
      } catch (e) {
        expect(e).toBeInstanceOf(UsageError);
        return (e as UsageError).message;
      }
      return "no error";
    };
    expect(message(["--bogus", "true"])).toMatch(/^--bogus: unknown option; see `nsbook run --help`/);
    expect(message(["--memory"])).toBe("--memory: needs a value; write --memory SIZE");
    expect(message([], EXEC_SYNTAX)).toBe("which container? give its NAME (see `nsbook ps`)");
    expect(message(["-w", "/tmp"], EXEC_SYNTAX)).toBe("which container? give its NAME (see `nsbook ps`)");
  });
});

describe("help generated from the same table", () => {
  it.each(ALL_SYNTAXES)("$command --help lists every option the parser accepts", (syntax) => {
    const help = helpOf(syntax);
    for (const o of syntax.options) {
      expect(help).toContain(`--${o.name}`);
      expect(fullUsageOf(syntax)).toContain(`--${o.name}`);
      if (o.short) expect(help).toContain(`-${o.short}, --${o.name}`);
      if (o.default !== undefined) expect(help).toContain(`(default: ${o.default})`);
      if (o.required) expect(fullUsageOf(syntax)).not.toContain(`[--${o.name}`);
      // Every listed option parses, its long and its short form alike.
      const value = o.value === undefined ? [] : [o.choices?.[0] ?? "x"];
      // The options the command cannot do without, given too.
      const lead = [
        ...syntax.options.filter((r) => r.required && r !== o).flatMap((r) => [`--${r.name}`, "x"]),
        ...(syntax.leading ?? []).map(() => "web"),
      ];
      const parsed = parseCommandLine(
        [`--${o.name}`, ...value, ...lead, "true"].slice(0, syntax.maxWords === 0 ? -1 : undefined),
        syntax,
      );
      expect(parsed.values[o.name]).toEqual(o.value === undefined ? true : o.multiple ? value : value[0]);
      if (o.short) {
        const short = parseCommandLine([`-${o.short}`, ...value, ...lead], syntax);
        expect(short.values[o.name]).toEqual(parsed.values[o.name]);
      }
    }
  });

  it("fills in a default the table declares, and keeps a given value", () => {
    const kill = syntaxOf("kill");
    expect(parseCommandLine(["web"], kill).values.signal).toBe("SIGKILL");
    expect(parseCommandLine(["-s", "TERM", "web"], kill).values.signal).toBe("TERM");
  });

  it("insists on an option the table requires, naming it and what it is for", () => {
    const importing = (SYNTAX_BY_COMMAND.rootfs as CommandGroup).subcommands.import as CommandSyntax;
    expect(() => parseCommandLine(["mine"], importing)).toThrow(
      /^import needs --from PATH\|URL \(a \.tar or \.tar\.gz/,
    );
    expect(parseCommandLine(["mine", "--from", "/tmp/x.tar"], importing).values.from).toBe("/tmp/x.tar");
  });
});
