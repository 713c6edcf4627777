import { describe, expect, it } from "vitest";
import { InvalidOptionError } from "../../../src/lib/errors/index.js";
import { isSameOrBelow, validateLayerName, validateOverlayPath } from "../../../src/lib/overlay/index.js";

describe("validateLayerName", () => {
  it("accepts short names of lowercase letters, digits, _ . -", () => {
    expect(validateLayerName("app-v1.2_x")).toBe("app-v1.2_x");
  });

  it.each([[""], ["."], [".."], ["../etc"], ["a/b"], ["Upper"], ["-x"], ["a".repeat(64)], [7]])(
    "refuses %j, naming the option",
    (name) => {
      expect(() => validateLayerName(name, "overlay.lowers[0]")).toThrow(
        /^overlay\.lowers\[0\]: .* layer name/,
      );
    },
  );

  it("throws a user-facing error", () => {
    try {
      validateLayerName("../x");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidOptionError);
      expect((e as InvalidOptionError).userMistake).toBe(true);
    }
  });
});

describe("validateOverlayPath", () => {
  it("normalizes an absolute path and drops a trailing slash", () => {
    expect(validateOverlayPath("/var//lib/./nsbook/", "rootfs")).toBe("/var/lib/nsbook");
    expect(validateOverlayPath("/", "rootfs")).toBe("/");
  });

  it.each([
    ["/a,upperdir=/etc", "comma"],
    ["/a:/b", "colon"],
    ["/a\\b", "backslash"],
    ["/a b", "whitespace"],
    ["/a\nb", "whitespace"],
  ])("refuses %j, which the mount options cannot carry (%s)", (path) => {
    expect(() => validateOverlayPath(path, "overlay.upperDir")).toThrow(
      /^overlay\.upperDir: .* comma, colon, backslash or whitespace/,
    );
  });

  it("refuses relative paths and ..", () => {
    expect(() => validateOverlayPath("layers/a", "x")).toThrow(/absolute/);
    expect(() => validateOverlayPath("/a/../b", "x")).toThrow(/"\.\."/);
  });
});

describe("isSameOrBelow", () => {
  it("tells a directory inside another apart from a sibling with a common prefix", () => {
    expect(isSameOrBelow("/a/b", "/a")).toBe(true);
    expect(isSameOrBelow("/a", "/a")).toBe(true);
    expect(isSameOrBelow("/ab", "/a")).toBe(false);
    expect(isSameOrBelow("/x", "/")).toBe(true);
  });
});
