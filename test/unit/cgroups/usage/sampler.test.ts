import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startSampler, type UsageSource } from "../../../../src/lib/cgroups/usage/sampler.js";
import type { UsageSample } from "../../../../src/lib/cgroups/usage/usage-sample.js";
import { InvalidOptionError } from "../../../../src/lib/errors/index.js";

/** A source whose counters the test moves. */
function fakeSource(): UsageSource & { state: Omit<UsageSample, "timeMs">; reads: number; fail?: Error } {
  const src = {
    state: { memoryBytes: 0, oomKills: 0 } as Omit<UsageSample, "timeMs">,
    reads: 0,
    fail: undefined as Error | undefined,
    readUsage(): UsageSample {
      src.reads++;
      if (src.fail) throw src.fail;
      return { timeMs: Date.now(), ...src.state };
    },
  };
  return src;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("startSampler", () => {
  it("samples at the chosen rate", async () => {
    const src = fakeSource();
    const s = startSampler(src, { hz: 10 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.samples).toHaveLength(11); // t = 0, 100, ..., 1000 ms
    const r = await s.stop();
    expect(r.samples).toHaveLength(12); // plus the last one taken by stop()
    expect(r.error).toBeUndefined();
  });

  it("turns a rising OOM-kill counter into one event per rise", async () => {
    const src = fakeSource();
    const events: unknown[] = [];
    const s = startSampler(src, { hz: 10, onEvent: (e) => events.push(e) });
    src.state = { memoryBytes: 32e6, oomKills: 0 };
    await vi.advanceTimersByTimeAsync(200);
    src.state = { memoryBytes: 1e6, oomKills: 2 };
    await vi.advanceTimersByTimeAsync(300);
    const r = await s.stop();
    expect(r.events).toEqual([{ type: "oom-kill", timeMs: expect.any(Number), count: 2, memoryBytes: 32e6 }]);
    expect(events).toEqual(r.events);
  });

  it("does not report kills that happened before it started", async () => {
    const src = fakeSource();
    src.state = { oomKills: 3 };
    const s = startSampler(src, { hz: 10 });
    await vi.advanceTimersByTimeAsync(500);
    expect((await s.stop()).events).toEqual([]);
  });

  it("stops when the signal aborts, and clears its timer", async () => {
    const src = fakeSource();
    const ac = new AbortController();
    const s = startSampler(src, { hz: 100, signal: ac.signal });
    await vi.advanceTimersByTimeAsync(50);
    ac.abort();
    const r = await s.done;
    const reads = src.reads;
    expect(s.stopped).toBe(true);
    expect(r.samples.length).toBe(reads);
    await vi.advanceTimersByTimeAsync(1000);
    expect(src.reads).toBe(reads);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("ends with the error instead of throwing when reading fails (cgroup removed)", async () => {
    const src = fakeSource();
    const s = startSampler(src, { hz: 10 });
    await vi.advanceTimersByTimeAsync(250);
    src.fail = new Error("ENODEV");
    await vi.advanceTimersByTimeAsync(100);
    const r = await s.done;
    expect(r.error).toBe(src.fail);
    expect(r.samples).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("notifies subscribers after each sample until they unsubscribe", async () => {
    const s = startSampler(fakeSource(), { hz: 10 });
    const seen: number[] = [];
    const off = s.subscribe((sample) => seen.push(sample.timeMs));
    await vi.advanceTimersByTimeAsync(300);
    off();
    await vi.advanceTimersByTimeAsync(300);
    await s.stop();
    expect(seen).toHaveLength(3);
  });

  it("keeps at most maxSamples", async () => {
    const s = startSampler(fakeSource(), { hz: 100, maxSamples: 5 });
    await vi.advanceTimersByTimeAsync(1000);
    expect((await s.stop()).samples).toHaveLength(5);
  });

  it("skips ticks missed while the event loop was blocked instead of bursting", async () => {
    const src = fakeSource();
    const s = startSampler(src, { hz: 10 });
    vi.setSystemTime(Date.now() + 1000); // moves Date and performance.now() without running timers
    await vi.advanceTimersByTimeAsync(100);
    expect(src.reads).toBeLessThanOrEqual(3);
    await s.stop();
  });

  it("refuses a rate outside 0.1..1000 Hz", () => {
    expect(() => startSampler(fakeSource(), { hz: 0 })).toThrow(/hz: 0 is not allowed/);
    expect(() => startSampler(fakeSource(), { hz: 5000 })).toThrow(InvalidOptionError);
  });

  it("can be stopped twice", async () => {
    const s = startSampler(fakeSource());
    const a = await s.stop();
    const b = await s.stop();
    expect(b.samples).toBe(a.samples);
  });
});
