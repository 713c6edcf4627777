import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  CHECK_FAILED_PREFIX,
  check,
  checkResults,
  checksSummary,
  parseCheckMarkers,
  renderCheck,
  resetChecks,
  summarize,
} from "../../../src/kernel-helpers/checks/index.js";
import {
  htmlToText,
  type RecordingSink,
  recordingSink,
  useDisplay,
} from "../../../src/kernel-helpers/display/index.js";

let sink: RecordingSink;
let stderr: string[];

beforeEach(() => {
  sink = recordingSink();
  useDisplay(sink);
  resetChecks();
  stderr = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  useDisplay(undefined);
});

const html = () => sink.outputs.map((o) => String(o.data)).join("\n");
const lastPassed = () => checkResults().at(-1)?.passed;

describe("check", () => {
  it("shows ✓ and a pass marker when the condition holds", async () => {
    await check("the library loads", true, undefined, { lang: "en" });
    expect(lastPassed()).toBe(true);
    expect(htmlToText(html())).toBe("✓ passed the library loads");
    expect(parseCheckMarkers(html())).toEqual([{ id: "the library loads", passed: true }]);
    expect(stderr).toEqual([]);
  });

  it("shows ✗ with the hint, a fail marker and a stderr line when it does not", async () => {
    await check(
      { en: "hostname differs", ja: "ホスト名が違う" },
      () => false,
      { en: "run the cell above", ja: "上のセルを実行" },
      { lang: "ja" },
    );
    expect(lastPassed()).toBe(false);
    expect(htmlToText(html())).toBe("✗ 不合格 ホスト名が違う\nヒント: 上のセルを実行");
    expect(parseCheckMarkers(html())).toEqual([{ id: "hostname differs", passed: false }]);
    expect(stderr).toEqual([`${CHECK_FAILED_PREFIX}hostname differs\n`]);
  });

  it("resolves with nothing, so tslab prints no bare true/false under the block", async () => {
    expect(await check("quiet", true, undefined, { lang: "en" })).toBeUndefined();
  });

  it("awaits async conditions", async () => {
    await check("async", async () => true, undefined, { lang: "en" });
    expect(lastPassed()).toBe(true);
  });

  it("fails, showing the error, when the condition throws", async () => {
    await check(
      "throws",
      () => {
        throw new Error("no such file /proc/1/ns/pid");
      },
      "hint",
      { lang: "en" },
    );
    expect(lastPassed()).toBe(false);
    expect(htmlToText(html())).toContain("Error: no such file /proc/1/ns/pid");
  });

  it("fails when the condition returns something other than a boolean", async () => {
    await check("not boolean", (() => "yes") as unknown as () => boolean, undefined, { lang: "en" });
    expect(lastPassed()).toBe(false);
    expect(checkResults()[0]?.error).toMatch(/returned string/);
  });

  it("keeps the latest result per id, so re-running a cell does not double count", async () => {
    await check("a", false, undefined, { lang: "en" });
    await check("b", true, undefined, { lang: "en" });
    await check("a", true, undefined, { lang: "en" });
    expect(checkResults().map((r) => [r.id, r.passed])).toEqual([
      ["b", true],
      ["a", true],
    ]);
  });

  it("uses an explicit id over the title", async () => {
    await check("Some long title", true, undefined, { id: "short-id", lang: "en" });
    expect(parseCheckMarkers(html())[0]?.id).toBe("short-id");
  });

  it("rejects an empty title", async () => {
    await expect(check("  ", true)).rejects.toThrow(/title must be a non-empty/);
  });
});

describe("markers", () => {
  it("survive ids with quotes and markup", () => {
    const out = renderCheck({ id: `a "quoted" <id> & more`, title: "t", passed: true }, "en");
    expect(parseCheckMarkers(out)).toEqual([{ id: `a "quoted" <id> & more`, passed: true }]);
  });
});

describe("checksSummary", () => {
  it("counts results and says which failed", async () => {
    await check("one", true, undefined, { lang: "en", show: false });
    await check("two", false, "fix it", { lang: "en", show: false });
    expect(checksSummary("en")).toBeUndefined();
    expect(summarize(checkResults())).toEqual({ passed: 1, failed: 1, total: 2, failedIds: ["two"] });
    const text = htmlToText(html());
    expect(text).toContain("✗ failed | two | fix it");
    expect(text).toContain("1 of 2 checks failed");
    expect(html()).toContain('data-nsbook-checks-passed="1" data-nsbook-checks-total="2"');
  });

  it("says all passed when they did", async () => {
    await check("one", true, undefined, { lang: "ja", show: false });
    checksSummary("ja");
    expect(htmlToText(html())).toContain("1 件のチェックすべてに合格しました。");
  });
});
