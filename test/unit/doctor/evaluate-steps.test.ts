import { describe, expect, it } from "vitest";
import { CORE_STEPS, COURSE_STEPS } from "../../../src/lib/course/index.js";
import { evaluateSteps } from "../../../src/lib/doctor/evaluate-steps.js";
import type { DoctorCheck } from "../../../src/lib/doctor/types.js";

const c = (id: string, status: DoctorCheck["status"]): DoctorCheck => ({
  id,
  group: "x",
  title: `T ${id}`,
  status,
  detail: "",
});

describe("evaluateSteps", () => {
  it("runs every step when nothing fails", () => {
    expect(
      evaluateSteps([c("ns.pid", "ok"), c("tool.jupyter", "warn")], "root").every((s) => s.runnable),
    ).toBe(true);
  });

  it("blocks exactly the steps that need a failed check, naming it", () => {
    const steps = evaluateSteps([c("tool.nsenter", "fail")], "root");
    expect(steps.filter((s) => !s.runnable).map((s) => s.step)).toEqual([7]);
    expect(steps.find((s) => s.step === 7)).toMatchObject({
      why: "blocked by T tool.nsenter (tool.nsenter)",
      blockedBy: ["tool.nsenter"],
    });
  });

  it("adds the mode's own limits", () => {
    const eight = evaluateSteps([], "rootless").find((s) => s.step === 8);
    expect(eight?.blockedBy).toEqual(["privilege.mode"]);
    expect(eight?.why).toMatch(/^rootless mode: connecting a container to the host/);
  });

  it("covers steps 1-11, 1-7 being the course", () => {
    expect(COURSE_STEPS.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(CORE_STEPS).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
