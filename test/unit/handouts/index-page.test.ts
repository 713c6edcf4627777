import { describe, expect, it } from "vitest";
import {
  formatManifest,
  type HandoutEntry,
  mergeEntries,
  parseManifest,
  renderIndexPage,
  sortEntries,
} from "../../../src/handouts/index.js";

function entry(lang: string, name: string, extra: Partial<HandoutEntry> = {}): HandoutEntry {
  return {
    lang,
    name,
    title: `${name} title`,
    html: `${lang}/${name}.html`,
    ok: true,
    failedCells: [],
    runSeconds: 1.5,
    ...extra,
  };
}

describe("renderIndexPage", () => {
  const page = renderIndexPage(
    [
      entry("en", "01-chroot", { title: "01 · chroot", pdf: "en/01-chroot.pdf", pages: 4 }),
      entry("ja", "01-chroot", { title: "01 · chroot：別のルート" }),
      entry("en", "00-preflight", { title: "00 · Preflight", ok: false, failedCells: [6, 9] }),
    ],
    { generatedAt: "2025-01-31 14:05 UTC+09:00" },
  );

  it("has a section per language, Japanese first", () => {
    expect(page.indexOf('<section lang="ja">')).toBeGreaterThan(0);
    expect(page.indexOf('<section lang="ja">')).toBeLessThan(page.indexOf('<section lang="en">'));
    expect(page).toContain("<h2>日本語</h2>");
    expect(page).toContain("<h2>English</h2>");
  });

  it("lists handouts by file name within a language, linking the title to the HTML", () => {
    const en = page.slice(page.indexOf('<section lang="en">'));
    expect(en.indexOf("00 · Preflight")).toBeLessThan(en.indexOf("01 · chroot"));
    expect(page).toContain('<a href="en/01-chroot.html">01 · chroot</a>');
  });

  it("links the PDF with its page count, and shows a dash when there is none", () => {
    expect(page).toContain('<a href="en/01-chroot.pdf">PDF</a> <span class="muted">(4 pages)</span>');
    const ja = page.slice(page.indexOf('<section lang="ja">'), page.indexOf('<section lang="en">'));
    expect(ja).toContain('<span class="muted">—</span>');
  });

  it("marks a failed handout with its failed cells, in the section's language", () => {
    expect(page).toContain("✗ failed (cell 6, 9)");
    expect(page).toContain("✓ 問題なし");
  });

  it("escapes titles and encodes link targets", () => {
    const p = renderIndexPage([entry("en", "a b", { title: "<x>", html: "en/a b.html" })], {
      generatedAt: "now",
    });
    expect(p).toContain('<a href="en/a%20b.html">&#60;x&#62;</a>');
  });

  it("says in its title when it is the instructor's copy with answers", () => {
    const p = renderIndexPage([], { generatedAt: "now", answers: true });
    expect(p).toContain("<title>nsbook handouts with answers · 解答付き配布資料</title>");
    expect(p).toContain("<code>nsbook handouts --answers</code>");
    expect(p).toContain("instructor's copy");
    expect(page).not.toContain("instructor's copy");
  });

  it("says so when there are no handouts", () => {
    expect(renderIndexPage([], { generatedAt: "now" })).toContain("No handouts yet");
  });

  it("is a complete page that loads nothing from elsewhere", () => {
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).not.toMatch(/<script|<link|https?:\/\//);
  });
});

describe("mergeEntries", () => {
  it("replaces the rebuilt languages and keeps the others whose files still exist", () => {
    const previous = [
      entry("ja", "00-preflight"),
      entry("ja", "01-gone"),
      entry("en", "00-preflight", { title: "old" }),
    ];
    const current = [entry("en", "00-preflight", { title: "new" })];
    const merged = mergeEntries(previous, current, ["en"], (e) => e.name !== "01-gone");
    expect(merged.map((e) => `${e.lang}/${e.name}:${e.title}`)).toEqual([
      "ja/00-preflight:00-preflight title",
      "en/00-preflight:new",
    ]);
  });

  it("keeps the notebooks a --notebook run did not rebuild", () => {
    const previous = [
      entry("en", "00-preflight", { title: "kept" }),
      entry("en", "01-chroot", { title: "old" }),
    ];
    const current = [entry("en", "01-chroot", { title: "new" })];
    const merged = mergeEntries(
      previous,
      current,
      ["en"],
      () => true,
      (name) => name.startsWith("01-"),
    );
    expect(merged.map((e) => `${e.name}:${e.title}`)).toEqual(["00-preflight:kept", "01-chroot:new"]);
  });
});

describe("sortEntries", () => {
  it("puts unknown languages after ja and en", () => {
    expect(sortEntries([entry("fr", "a"), entry("en", "b"), entry("ja", "c")]).map((e) => e.lang)).toEqual([
      "ja",
      "en",
      "fr",
    ]);
  });
});

describe("the manifest", () => {
  it("reads back what it wrote", () => {
    const entries = [entry("ja", "00-preflight", { pdf: "ja/00-preflight.pdf", pages: 3 })];
    expect(parseManifest(formatManifest(entries, "now"))).toEqual(entries);
  });

  it("reads a broken or foreign file as no entries", () => {
    expect(parseManifest("not json")).toEqual([]);
    expect(parseManifest('{"handouts": [{"lang": 1}]}')).toEqual([]);
    expect(parseManifest("[]")).toEqual([]);
  });
});
