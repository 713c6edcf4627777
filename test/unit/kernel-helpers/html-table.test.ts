import { describe, expect, it } from "vitest";
import { htmlToText } from "../../../src/kernel-helpers/display/index.js";
import {
  compareRows,
  compareTable,
  escapeHtml,
  htmlTable,
  statusText,
} from "../../../src/kernel-helpers/render/index.js";

describe("escapeHtml", () => {
  it("escapes the five characters that can break out of text or an attribute", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;");
  });
});

describe("htmlTable", () => {
  const rows = [
    { name: "<script>alert(1)</script>", count: 3, ok: true },
    { name: "b & c", count: 12.5, ok: false },
  ];

  it("escapes cell text so command output cannot inject markup", () => {
    const html = htmlTable(rows, ["name"], { lang: "en" });
    expect(html).not.toContain("<script>");
    expect(htmlToText(html)).toContain("<script>alert(1)</script>");
  });

  it("right-aligns numbers and left-aligns text unless told otherwise", () => {
    const html = htmlTable(rows, ["name", "count"], { lang: "en" });
    expect(html).toMatch(/text-align:right">3</);
    expect(html).toMatch(/text-align:left">b &#38; c</);
  });

  it("uses every key of the first row when no columns are given", () => {
    expect(htmlToText(htmlTable(rows, undefined, { lang: "en" })).split("\n")[0]).toBe("name | count | ok");
  });

  it("writes booleans as words in the notebook's language", () => {
    expect(htmlToText(htmlTable(rows, ["ok"], { lang: "en" }))).toContain("yes");
    expect(htmlToText(htmlTable(rows, ["ok"], { lang: "ja" }))).toContain("いいえ");
  });

  it("formats numbers to the requested digits and shows missing values as a dash", () => {
    const html = htmlTable([{ v: 1 / 3 }, { v: undefined }], [{ key: "v", digits: 2 }], { lang: "en" });
    expect(htmlToText(html).split("\n")).toEqual(["v", "0.33", "—"]);
  });

  it("marks highlighted rows with a tint, a left border and a data attribute", () => {
    const html = htmlTable(rows, ["name"], { highlight: (r) => !r.ok, lang: "en" });
    expect(html.match(/data-highlight="true"/g)).toHaveLength(1);
    expect(html).toMatch(
      /background:#fff4ce;color:#1f2328;[^"]*" data-highlight="true"><td style="[^"]*border-left:4px solid/,
    );
  });

  it("shows statuses as symbol and word, so they read without colour", () => {
    const html = htmlTable([{ s: "ok" }, { s: "fail" }, { s: "warn" }], [{ key: "s", format: "status" }], {
      lang: "en",
    });
    expect(htmlToText(html).split("\n").slice(1)).toEqual(["✓ ok", "✗ failed", "! warning"]);
    expect(statusText("fail", "ja")).toBe("✗ 不可");
  });

  it("inserts trusted HTML only for html columns", () => {
    const html = htmlTable([{ h: "<b>x</b>" }], [{ key: "h", format: "html" }, { key: "h" }], { lang: "en" });
    expect(html).toContain("<b>x</b>");
    expect(html).toContain("&#60;b&#62;x&#60;/b&#62;");
  });

  it("shows a single row saying there is nothing when rows are empty", () => {
    expect(htmlToText(htmlTable([], [{ key: "a" as never, header: "A" }], { lang: "ja" }))).toBe(
      "A\n（なし）",
    );
  });

  it("puts the caption in the notebook's language", () => {
    expect(htmlTable(rows, ["name"], { caption: { en: "Processes", ja: "プロセス" }, lang: "ja" })).toContain(
      ">プロセス</caption>",
    );
  });

  it("rejects a column with neither key nor value, naming it", () => {
    expect(() => htmlTable(rows, [{ header: "x" }])).toThrow(/columns\[0\] needs a key or a value/);
  });

  it("rejects nonsense digits, naming the column and the value", () => {
    expect(() => htmlTable(rows, [{ key: "count", digits: -1 }])).toThrow(/columns\[0\]\.digits .* got -1/);
  });
});

describe("compareTable", () => {
  it("lines items up by name: left's order first, then items only the right has", () => {
    const rows = compareRows({ a: 1, b: 2 }, [
      ["b", 2],
      ["c", 3],
      ["a", 9],
    ]);
    expect(rows).toEqual([
      { item: "a", left: 1, right: 9, same: false },
      { item: "b", left: 2, right: 2, same: true },
      { item: "c", left: undefined, right: 3, same: false },
    ]);
  });

  it("highlights and marks the rows where host and container differ", () => {
    const html = compareTable(
      { hostname: "debian", "pid namespace": "pid:[4026531836]" },
      { hostname: "debian", "pid namespace": "pid:[4026532201]" },
      { lang: "en" },
    );
    const text = htmlToText(html).split("\n");
    expect(text[0]).toBe("item | host | container | same?");
    expect(text[1]).toBe("hostname | debian | debian | = same");
    expect(text[2]).toBe("pid namespace | pid:[4026531836] | pid:[4026532201] | ≠ differs");
    expect(html.match(/data-highlight="true"/g)).toHaveLength(1);
  });

  it("speaks Japanese in a Japanese notebook", () => {
    expect(htmlToText(compareTable({ a: 1 }, { a: 2 }, { lang: "ja" }))).toContain(
      "項目 | ホスト | コンテナ | 同じ?",
    );
  });
});
