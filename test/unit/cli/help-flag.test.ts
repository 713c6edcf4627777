import { describe, expect, it } from "vitest";
import { helpRequested } from "../../../src/cli/main.js";

describe("which --help is nsbook's (commands without an option table)", () => {
  it("finds --help and -h among nsbook's options", () => {
    expect(helpRequested(["--help"])).toBe(true);
    expect(helpRequested(["web", "-h"])).toBe(true);
    expect(helpRequested(["--memory", "32m", "--help", "--", "sh"])).toBe(true);
  });

  it("leaves a --help or -h after -- to the container's command", () => {
    expect(helpRequested(["web", "--", "ls", "-h"])).toBe(false);
    expect(helpRequested(["web", "--", "grep", "--help"])).toBe(false);
    expect(helpRequested(["--name", "x", "--", "sh", "-c", "ls -h", "--help"])).toBe(false);
  });

  it("is false without either flag", () => {
    expect(helpRequested([])).toBe(false);
    expect(helpRequested(["web", "--", "ls"])).toBe(false);
  });
});
