import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  CHECK_FAILED_PREFIX,
  checkPrediction,
  checkResults,
  isUnanswered,
  predictionMatches,
  resetChecks,
} from "../../../src/kernel-helpers/checks/index.js";
import { type RecordingSink, recordingSink, useDisplay } from "../../../src/kernel-helpers/display/index.js";

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
const title = { en: "how many processes does ps list?", ja: "ps に出るプロセスはいくつ？" };

describe("checkPrediction", () => {
  it("prompts for a prediction not yet written, without a check the tests could fail on", async () => {
    await checkPrediction(title, undefined, 3, { lang: "en", variable: "myGuess" });
    await checkPrediction(title, " ? ", 3, { lang: "ja" });
    expect(checkResults()).toEqual([]);
    expect(stderr.join("")).toBe("");
    expect(html()).toContain("Write your prediction in <code");
    expect(html()).toContain("myGuess");
    expect(html()).toContain("に予想を書いて");
  });

  it("passes a right prediction as a self-check", async () => {
    await checkPrediction(title, "3", 3, { lang: "en" });
    expect(checkResults().at(-1)).toMatchObject({ id: title.en, passed: true });
  });

  it("fails a wrong one, showing both values, and marks it for the tests", async () => {
    await checkPrediction(title, 5, 3, { lang: "en", id: "ps-count" });
    expect(checkResults().at(-1)).toMatchObject({ id: "ps-count", passed: false });
    expect(html()).toContain("you predicted 5; the kernel says 3");
    expect(stderr.join("")).toContain(`${CHECK_FAILED_PREFIX}ps-count`);
  });
});

describe("predictionMatches", () => {
  it("compares numbers by value, words loosely, yes/no with booleans", () => {
    expect(predictionMatches("1", 1)).toBe(true);
    expect(predictionMatches(2, 1)).toBe(false);
    expect(predictionMatches("  My-Container ", "my-container")).toBe(true);
    expect(predictionMatches("yes", true)).toBe(true);
    expect(predictionMatches("いいえ", false)).toBe(true);
    expect(predictionMatches(true, false)).toBe(false);
    expect(isUnanswered("")).toBe(true);
    expect(isUnanswered(0)).toBe(false);
  });
});
