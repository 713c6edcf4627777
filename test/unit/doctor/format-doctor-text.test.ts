import { describe, expect, it } from "vitest";
import { evaluateDoctor, formatDoctorText } from "../../../src/lib/doctor/index.js";
import { cgroupsOf, halfDelegated, rootFacts, rootlessFacts } from "./doctor-facts.js";

describe("formatDoctorText", () => {
  it("prints sections in order, one marked line per check, and the verdict", () => {
    const text = formatDoctorText(evaluateDoctor(rootFacts()));
    const headers = text.split("\n").filter((l) => /^[A-Za-z]/.test(l));
    expect(headers).toEqual([
      "nsbook doctor: Linux 6.18.44-fc-v669, privilege mode root",
      "Privilege",
      "Kernel",
      "Environment",
      "Namespaces",
      "Filesystems",
      "cgroups",
      "User namespace restrictions",
      "Root filesystem",
      "Tools",
      "Course steps on this machine",
      "The whole course (steps 1-7) can run here.",
    ]);
    expect(text).toMatch(/^ {2}✓ cgroup memory +v1 at \/sys\/fs\/cgroup\/memory, caller in \/process_api\//m);
    expect(text).toMatch(/^ {2}· cgroup layout +hybrid: /m);
    expect(text).toMatch(/^ {2}✓ {2}6 {2}cgroups: memory and CPU limits$/m);
  });

  it("puts the fix under each problem and the reason under each blocked step", () => {
    const text = formatDoctorText(evaluateDoctor(rootlessFacts()));
    expect(text).toMatch(
      /^ {2}✗ cgroup memory .*uid 1001 may not create cgroups.*\n {6,}fix: run nsbook as root/m,
    );
    expect(text).toMatch(/^ {2}✗ {2}6 {2}cgroups: memory and CPU limits\n {8}rootless mode: /m);
    expect(text).toMatch(/^ {2}! {2}8 {2}bridge network between containers$/m);
    expect(text.trimEnd().split("\n").at(-1)).toBe(
      "Step 6 of the course will not run here (beyond the course, step 8 will not run): see the fixes above.",
    );
  });

  it("does not repeat a long fix: the next check says it is the same", () => {
    const text = formatDoctorText(
      evaluateDoctor(rootFacts({ cgroups: halfDelegated(cgroupsOf("pure-v2-delegated-leaf-vm")) })),
    );
    expect(text.match(/fix: .*let \.\/setup\.sh grant the kernel root/g)).toHaveLength(1);
    expect(text).toMatch(/^ {2}✗ cgroup cpu .*\n +fix: the same as above$/m);
  });
});
