// --env and --env-file, as docker reads them.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { envFromFlags, parseEnvFile } from "../../../src/cli/env-flags.js";

describe("an env file", () => {
  it("takes K=V as written, K alone from the environment, and skips comments and blank lines", () => {
    const text = '# a comment\nA=1\n\n  B=two words \nC="quoted"\nHOME_DIR\nUNSET_HERE\nD=x=y\r\n';
    expect(parseEnvFile(text, { HOME_DIR: "/home/l" })).toEqual({
      A: "1",
      B: "two words ",
      C: '"quoted"',
      HOME_DIR: "/home/l",
      D: "x=y",
    });
  });

  it("names the line of a bad variable name", () => {
    expect(() => parseEnvFile("A=1\n1X=2\n", {})).toThrow('line 2: "1X" is not a variable name');
    expect(() => parseEnvFile("=v\n", {})).toThrow('line 1: "" is not a variable name');
  });
});

describe("the environment from --env and --env-file", () => {
  it("files first, in order, then --env; a later one wins", () => {
    const dir = mkdtempSync(join(tmpdir(), "nsbook-env-"));
    writeFileSync(join(dir, "a"), "A=file-a\nB=file-a\n");
    writeFileSync(join(dir, "b"), "B=file-b\n");
    process.env.NSBOOK_TEST_PASSED = "from-shell";
    expect(
      envFromFlags(
        { "env-file": [join(dir, "a"), join(dir, "b")], env: ["A=flag", "NSBOOK_TEST_PASSED"] },
        "usage",
      ),
    ).toEqual({ A: "flag", B: "file-b", NSBOOK_TEST_PASSED: "from-shell" });
    delete process.env.NSBOOK_TEST_PASSED;
  });

  it("a missing file or a bad --env is a usage error naming it", () => {
    expect(() => envFromFlags({ "env-file": ["/nonexistent/env"] }, "u")).toThrow(
      '--env-file "/nonexistent/env": cannot read it (ENOENT)',
    );
    expect(() => envFromFlags({ env: ["1X=2"] }, "u")).toThrow('--env "1X=2": expected NAME=VALUE or NAME');
  });
});
