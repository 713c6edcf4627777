import { describe, expect, it } from "vitest";
import { markedStateDir, parseChildren } from "../../../src/lib/container/index.js";

describe("the container marker in a command line", () => {
  const argv = ["unshare", "--fork", "--", "/bin/sh", "-c", "eval", "nsbook-init", "/run/nsbook/web", "web"];

  it("finds the state directory named after nsbook-init", () => {
    expect(markedStateDir(argv, "/run/nsbook")).toBe("/run/nsbook/web");
    expect(markedStateDir(argv, "/run/nsbook/")).toBe("/run/nsbook/web");
  });

  it("ignores containers of another run directory", () => {
    expect(markedStateDir(argv, "/tmp/other-run")).toBeUndefined();
    expect(markedStateDir(argv, "/run/nsb")).toBeUndefined();
  });

  it("ignores a marker without a directory after it, or with a nested path", () => {
    expect(markedStateDir(["sh", "nsbook-init"], "/run/nsbook")).toBeUndefined();
    expect(markedStateDir(["sh", "nsbook-init", "/run/nsbook/a/b"], "/run/nsbook")).toBeUndefined();
  });
});

describe("parseChildren", () => {
  it("reads the space-separated PIDs of /proc/PID/task/TID/children", () => {
    expect(parseChildren("123 456 \n")).toEqual([123, 456]);
    expect(parseChildren("")).toEqual([]);
  });
});
