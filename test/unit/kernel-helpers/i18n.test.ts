import { afterEach, describe, expect, it, vi } from "vitest";
import { currentLang, localize, setLang } from "../../../src/kernel-helpers/i18n/index.js";

describe("currentLang", () => {
  afterEach(() => {
    setLang(undefined);
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("follows the notebook's folder, where the kernel runs", () => {
    vi.spyOn(process, "cwd").mockReturnValue("/home/me/nsbook/notebooks/ja");
    expect(currentLang()).toBe("ja");
    vi.spyOn(process, "cwd").mockReturnValue("/home/me/nsbook/notebooks/en");
    expect(currentLang()).toBe("en");
  });

  it("is English elsewhere, unless NSBOOK_LANG says otherwise", () => {
    vi.spyOn(process, "cwd").mockReturnValue("/tmp");
    expect(currentLang()).toBe("en");
    vi.stubEnv("NSBOOK_LANG", "ja");
    expect(currentLang()).toBe("ja");
  });

  it("can be forced, and rejects unknown languages", () => {
    setLang("ja");
    expect(currentLang()).toBe("ja");
    expect(() => setLang("fr" as never)).toThrow(/"en" or "ja", got "fr"/);
  });
});

describe("localize", () => {
  it("picks the language's text, or the one string given", () => {
    expect(localize({ en: "host", ja: "ホスト" }, "ja")).toBe("ホスト");
    expect(localize("same", "ja")).toBe("same");
  });
});
