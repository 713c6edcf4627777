// Doctor's report in Japanese, on every captured machine, as root and rootless: no English sentence may be left
// in what the Japanese notebooks show (the same rule as the notebook tests).
import { describe, expect, it } from "vitest";
import { japaneseOf } from "../../../src/lib/doctor/checks/japanese.js";
import { evaluateDoctor } from "../../../src/lib/doctor/index.js";
import { HOST_FIXTURES, loadHostFixture } from "../../fixtures/hosts/load-host-fixture.js";
import { englishSentence } from "../../notebooks/support/english-output.js";
import { halfDelegated, notWritable, rootFacts, rootlessFacts } from "./doctor-facts.js";

/** Every Japanese text of a report that is still an English sentence, with where it is. */
function englishLeft(report: ReturnType<typeof evaluateDoctor>): string[] {
  const left: string[] = [];
  for (const c of report.checks) {
    for (const [field, text] of Object.entries(c.ja ?? { title: c.title, detail: c.detail, fix: c.fix })) {
      if (text && englishSentence(text)) left.push(`${c.id}.${field}: ${text}`);
    }
  }
  for (const s of report.steps) {
    for (const [field, text] of Object.entries(s.ja ?? { title: s.title, why: s.why })) {
      if (text && englishSentence(text)) left.push(`step ${s.step}.${field}: ${text}`);
    }
  }
  return left;
}

describe("doctor in Japanese", () => {
  for (const host of HOST_FIXTURES) {
    it(`leaves no English sentence on ${host}, as root`, () => {
      expect(englishLeft(evaluateDoctor(rootFacts({ cgroups: loadHostFixture(host) })))).toEqual([]);
    });
    it(`leaves no English sentence on ${host}, rootless`, () => {
      const cgroups = notWritable({ ...loadHostFixture(host), uid: 1001 });
      expect(englishLeft(evaluateDoctor(rootlessFacts({ cgroups })))).toEqual([]);
    });
    it(`leaves no English sentence on ${host}, root in a cgroup not delegated`, () => {
      const cgroups = halfDelegated(loadHostFixture(host));
      expect(englishLeft(evaluateDoctor(rootFacts({ cgroups })))).toEqual([]);
    });
  }

  it("keeps a text the catalogue does not know in English, rather than guessing", () => {
    expect(japaneseOf("something new")).toBe("something new");
  });

  it("translates texts joined with '; ' one by one", () => {
    expect(japaneseOf("not usable; not present (no Ubuntu AppArmor restriction)")).toBe(
      "使えない。存在しない（Ubuntu の AppArmor による制限はない）",
    );
  });
});
