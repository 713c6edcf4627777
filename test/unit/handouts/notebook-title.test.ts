import { describe, expect, it } from "vitest";
import { firstHeading, notebookTitle, plainMarkdownText } from "../../../src/handouts/index.js";
import { code, markdown, notebook } from "./executed-notebook.js";

describe("notebookTitle", () => {
  it("is the first heading of the first Markdown cell that has one", () => {
    const nb = notebook(
      code("// # not a heading"),
      markdown("Some intro without a heading."),
      markdown("# 01 · chroot: another root\n\n## Later"),
    );
    expect(notebookTitle(nb, "01-chroot")).toBe("01 · chroot: another root");
  });

  it("falls back to the file name when there is no heading", () => {
    expect(notebookTitle(notebook(markdown("just text")), "02-pid")).toBe("02-pid");
  });

  it("keeps Japanese titles as written", () => {
    expect(notebookTitle(notebook(markdown("# 00 · 事前チェック：このマシンで")), "x")).toBe(
      "00 · 事前チェック：このマシンで",
    );
  });
});

describe("firstHeading", () => {
  it("ignores # lines inside code fences", () => {
    expect(firstHeading("```sh\n# a shell comment\n```\n## Real heading")).toBe("Real heading");
  });

  it("accepts lower-level headings and closing hashes", () => {
    expect(firstHeading("### Step 3 ###")).toBe("Step 3");
  });

  it("needs a space after the hashes", () => {
    expect(firstHeading("#hashtag\n# Title")).toBe("Title");
  });
});

describe("plainMarkdownText", () => {
  it("removes emphasis, code spans, links and tags", () => {
    expect(plainMarkdownText("**Bold** and *it* with `chroot` [link](http://x) <kbd>Ctrl</kbd>")).toBe(
      "Bold and it with chroot link Ctrl",
    );
  });

  it("leaves underscores inside words alone", () => {
    expect(plainMarkdownText("max_user_namespaces")).toBe("max_user_namespaces");
  });
});

describe("plainMarkdownText with underscores", () => {
  it("removes underscore emphasis at word edges", () => {
    expect(plainMarkdownText("an _important_ and __bold__ word")).toBe("an important and bold word");
  });
});
