// Benchmark (not a test): building the offline default rootfs, the "up to date" check, and a forced rebuild.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildBusyboxRootfs, removeRootfs } from "../src/lib/rootfs/index.js";

/** Medians over `runs` rounds, in milliseconds. */
export interface RootfsBuildTimings {
  runs: number;
  /** A fresh build (no rootfs there). */
  buildMs: number;
  /** The idempotent call when it is already up to date. */
  upToDateMs: number;
  /** `force: true` over an existing one. */
  rebuildMs: number;
}

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

/** Times the busybox rootfs in a throw-away NSBOOK_HOME (restored and deleted afterwards). */
export async function benchRootfsBuild(runs = 15): Promise<RootfsBuildTimings> {
  const previous = process.env.NSBOOK_HOME;
  const home = await mkdtemp(join(tmpdir(), "nsbook-bench-rootfs-"));
  process.env.NSBOOK_HOME = home;
  const build: number[] = [];
  const upToDate: number[] = [];
  const rebuild: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      build.push(await timed(() => buildBusyboxRootfs()));
      upToDate.push(await timed(() => buildBusyboxRootfs()));
      rebuild.push(await timed(() => buildBusyboxRootfs({ force: true })));
      await removeRootfs("busybox");
    }
  } finally {
    if (previous === undefined) delete process.env.NSBOOK_HOME;
    else process.env.NSBOOK_HOME = previous;
    await rm(home, { recursive: true, force: true });
  }
  return { runs, buildMs: median(build), upToDateMs: median(upToDate), rebuildMs: median(rebuild) };
}

if (require.main === module) {
  benchRootfsBuild().then((r) => {
    process.stdout.write(
      `busybox rootfs over ${r.runs} runs (medians): build ${r.buildMs.toFixed(1)} ms, ` +
        `up-to-date check ${r.upToDateMs.toFixed(1)} ms, forced rebuild ${r.rebuildMs.toFixed(1)} ms\n`,
    );
  });
}
