// Samples a cgroup's usage at a steady rate, cheaply, and turns rising OOM-kill counters into events.
import { invalidOption } from "../../errors/index.js";
import type { UsageSample } from "./usage-sample.js";

/** Anything that can read usage now (every CgroupManager can). */
export interface UsageSource {
  readUsage(): UsageSample;
}

/** Something that happened between two samples. */
export interface UsageEvent {
  type: "oom-kill";
  /** When it was noticed (the sample that saw the counter rise), ms since the epoch. */
  timeMs: number;
  /** How many kills since the previous sample. */
  count: number;
  /** Memory in use when noticed, in bytes. */
  memoryBytes?: number;
}

/** Options for {@link startSampler}. */
export interface SamplerOptions {
  /** Samples per second (0.1..1000). @default 10 */
  hz?: number;
  /** Stops the sampler (it takes a last sample and resolves `done`). */
  signal?: AbortSignal;
  /** Keep at most this many samples (the oldest are dropped). @default 100000 */
  maxSamples?: number;
  /** Called with each sample as it is taken. */
  onSample?: (sample: UsageSample) => void;
  /** Called with each event as it is noticed. */
  onEvent?: (event: UsageEvent) => void;
}

/** How sampling ended. */
export interface SamplerResult {
  samples: UsageSample[];
  events: UsageEvent[];
  /** Why sampling stopped early, e.g. the cgroup was removed. */
  error?: unknown;
}

/** A running sampler. */
export interface UsageSampler {
  /** Samples so far (live array; do not modify). */
  readonly samples: readonly UsageSample[];
  /** Events so far (live array). */
  readonly events: readonly UsageEvent[];
  /** Calls `listener` after every sample; returns a function that unsubscribes. */
  subscribe(listener: (sample: UsageSample, sampler: UsageSampler) => void): () => void;
  /** Takes a last sample, stops the timer and resolves with everything. Idempotent. */
  stop(): Promise<SamplerResult>;
  /** Resolves when the sampler has stopped (by stop(), the signal, or an error reading usage). */
  readonly done: Promise<SamplerResult>;
  /** True once stopped. */
  readonly stopped: boolean;
}

/**
 * Starts sampling `source` at `hz`. Each tick is one synchronous readUsage() (a dozen pread(2)s of cached
 * descriptors) scheduled against the start time, so the rate does not drift. A reading error - typically
 * the cgroup being removed - ends sampling with the error in the result instead of throwing. The timer is
 * cleared in `finally`, whatever ends it.
 */
export function startSampler(source: UsageSource, options: SamplerOptions = {}): UsageSampler {
  const hz = options.hz ?? 10;
  if (!(typeof hz === "number" && hz >= 0.1 && hz <= 1000)) {
    throw invalidOption("hz", hz, "is not allowed; sample between 0.1 and 1000 times per second");
  }
  const maxSamples = options.maxSamples ?? 100_000;
  const intervalMs = 1000 / hz;
  const samples: UsageSample[] = [];
  const events: UsageEvent[] = [];
  const listeners = new Set<(s: UsageSample, sampler: UsageSampler) => void>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let error: unknown;
  let resolveDone: (r: SamplerResult) => void = () => {};
  const done = new Promise<SamplerResult>((resolve) => {
    resolveDone = resolve;
  });
  const startedAt = performance.now();
  let tick = 0;

  const take = (): void => {
    const sample = source.readUsage();
    const prev = samples[samples.length - 1];
    samples.push(sample);
    if (samples.length > maxSamples) samples.shift();
    const kills = (sample.oomKills ?? 0) - (prev?.oomKills ?? sample.oomKills ?? 0);
    options.onSample?.(sample);
    if (kills > 0) {
      const event: UsageEvent = {
        type: "oom-kill",
        timeMs: sample.timeMs,
        count: kills,
        memoryBytes: prev?.memoryBytes ?? sample.memoryBytes,
      };
      events.push(event);
      options.onEvent?.(event);
    }
    for (const l of listeners) l(sample, sampler);
  };

  const finish = (): SamplerResult => {
    if (!stopped) {
      stopped = true;
      try {
        if (error === undefined) take();
      } catch (e) {
        error ??= e;
      } finally {
        if (timer) clearTimeout(timer);
        timer = undefined;
        options.signal?.removeEventListener("abort", onAbort);
        resolveDone({ samples, events, ...(error !== undefined ? { error } : {}) });
      }
    }
    return { samples, events, ...(error !== undefined ? { error } : {}) };
  };

  const schedule = (): void => {
    // After a stall (a busy event loop), skip the missed ticks instead of firing them in a burst.
    tick = Math.max(tick + 1, Math.ceil((performance.now() - startedAt) / intervalMs));
    const due = startedAt + tick * intervalMs;
    timer = setTimeout(run, Math.max(0, due - performance.now()));
  };

  const run = (): void => {
    if (stopped) return;
    try {
      take();
    } catch (e) {
      error = e;
      finish();
      return;
    }
    schedule();
  };

  const onAbort = (): void => {
    finish();
  };

  const sampler: UsageSampler = {
    samples,
    events,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: async () => finish(),
    done,
    get stopped() {
      return stopped;
    },
  };

  if (options.signal?.aborted) {
    finish();
    return sampler;
  }
  options.signal?.addEventListener("abort", onAbort, { once: true });
  run();
  return sampler;
}
