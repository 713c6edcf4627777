import { describe, expect, it } from "vitest";
import { linkNotebooksToHandouts } from "../../../src/handouts/index.js";

describe("linkNotebooksToHandouts", () => {
  it("points relative notebook links at the handout beside it, keeping the anchor", () => {
    expect(linkNotebooksToHandouts('<a href="01-chroot.ipynb">01</a>')).toBe(
      '<a href="01-chroot.html">01</a>',
    );
    expect(linkNotebooksToHandouts("<a href='../en/02-pid.ipynb#top'>x</a>")).toBe(
      "<a href='../en/02-pid.html#top'>x</a>",
    );
  });

  it("leaves absolute URLs, root paths, anchors and other files alone", () => {
    const html =
      '<a href="https://example.org/a.ipynb">a</a><a href="/nb/b.ipynb">b</a><a href="#c.ipynb">c</a><a href="d.txt">d</a>';
    expect(linkNotebooksToHandouts(html)).toBe(html);
  });
});
