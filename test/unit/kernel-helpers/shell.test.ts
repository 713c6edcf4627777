import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setLang } from "../../../src/kernel-helpers/i18n/index.js";
import { $, endNote, failedLine } from "../../../src/kernel-helpers/shell/index.js";

describe("the notebooks' $", () => {
  afterEach(() => {
    setLang(undefined);
    vi.restoreAllMocks();
  });

  it("says how a command ended in the notebook's language, and nothing on success", () => {
    setLang("ja");
    expect(endNote({ exitCode: 2, signal: null })).toBe("（終了コード 2）");
    expect(endNote({ exitCode: null, signal: "SIGKILL" })).toBe("（シグナル SIGKILL で終了）");
    expect(endNote({ exitCode: 0, signal: null })).toBeUndefined();
    setLang("en");
    expect(endNote({ exitCode: 2, signal: null })).toBe("(exit code 2)");
    expect(failedLine("false", 1, null)).toBe("command failed (exit code 1): false");
  });

  it("echoes the command, quoted values and the output into the cell's stdout", async () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const out = await $`echo ${"a b; rm -rf /"}`;
    expect(out.stdout).toBe("a b; rm -rf /\n");
    expect(written.join("")).toContain("$ echo $'a b; rm -rf /'\n");
  });

  it("turns a failed command into one line naming the command and its exit code", async () => {
    setLang("en");
    vi.spyOn(process.stdout, "write").mockReturnValue(true);
    const error = await $`sh -c ${"exit 3"}`.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(inspect(error)).toBe("command failed (exit code 3): sh -c $'exit 3'");
    expect(String((error as Error).stack).split("\n")).toHaveLength(1);
  });

  it("keeps .nothrow() and presets working", async () => {
    setLang("ja");
    const written: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const out = await $({ input: "exit 4\n" })`sh`.nothrow();
    expect(out.exitCode).toBe(4);
    expect(written.join("")).toContain("（終了コード 4）");
    const failed = await $({ input: "exit 5\n" })`sh`.catch((e: unknown) => e);
    expect(inspect(failed)).toBe("コマンドが失敗しました（終了コード 5）: sh");
  });
});

describe("the notebooks' $, quiet", () => {
  afterEach(() => vi.restoreAllMocks());

  it("echoes nothing for $({ quiet: true }), and still returns the output", async () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const out = await $({ quiet: true })`echo quiet`;
    expect(out.stdout).toBe("quiet\n");
    expect(written).toEqual([]);
  });
});

describe("the notebooks' $, a finished command", () => {
  afterEach(() => vi.restoreAllMocks());

  it("inspects as nothing, so a cell ending in await $`...` does not repeat the output", async () => {
    vi.spyOn(process.stdout, "write").mockReturnValue(true);
    const out = await $`echo once`;
    expect(inspect(out)).toBe("");
    expect(out.stdout).toBe("once\n");
  });
});

describe("the notebooks' $, a command's stderr", () => {
  afterEach(() => vi.restoreAllMocks());

  it("goes into the transcript on stdout, not the cell's stderr", async () => {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      err.push(String(chunk));
      return true;
    });
    await $`sh -c ${"echo oops >&2; exit 1"}`.nothrow();
    expect(out.join("")).toContain("oops\n");
    expect(err).toEqual([]);
  });
});
