// Removal of a host resource that vanishes between two attempts (runHost replaced by scripted answers).
import { beforeEach, describe, expect, it, vi } from "vitest";

const answers = vi.hoisted(() => ({ queue: [] as { failed: boolean; stderr: string }[], calls: 0 }));
vi.mock("../../../src/lib/host/index.js", async (original) => ({
  ...(await original<typeof import("../../../src/lib/host/index.js")>()),
  runHost: async (argv: string[], options: { allowFailure?: boolean }) => {
    answers.calls++;
    const answer = answers.queue.shift() ?? { failed: false, stderr: "" };
    if (answer.failed && !options.allowFailure) throw new Error(`${argv.join(" ")}: ${answer.stderr}`);
    return { ...answer, stdout: "", exitCode: answer.failed ? 1 : 0 };
  },
}));

import { disposeLink } from "../../../src/lib/core/resource-registry.js";

const context = { container: "c1", mode: "root" as const };
const record = { kind: "link", id: "nsb4abe02d6" };

describe("removing an interface", () => {
  beforeEach(() => {
    answers.queue = [];
    answers.calls = 0;
  });

  // Found by the soak: the first `ip link delete` failed (the veth was going away), the retry said "Cannot find
  // device", and the stop reported the interface as a resource it could not remove.
  it("counts an interface gone by the retry as removed", async () => {
    answers.queue = [
      { failed: true, stderr: "RTNETLINK answers: Device or resource busy" },
      { failed: true, stderr: 'Cannot find device "nsb4abe02d6"' },
    ];
    await expect(disposeLink(record as never, context as never)).resolves.toBeUndefined();
  });

  it("still fails when the interface stays and cannot be removed", async () => {
    const busy = { failed: true, stderr: "RTNETLINK answers: Operation not permitted" };
    answers.queue = [busy, busy, busy];
    await expect(disposeLink(record as never, context as never)).rejects.toThrow(/Operation not permitted/);
  });
});
