// `npm run bench`: every benchmark module in turn, as root (compiled first: see tsconfig.bench.json). Adding one
// is one line in BENCHES: a title and a function that loads the module (lazily, so `npm run bench -- NAME` loads
// only what it runs) and returns the table to print.

/** One benchmark: a title, and a run that returns the text to print. */
interface Bench {
  title: string;
  run: () => Promise<string>;
}

type CgroupsBench = typeof import("./cgroups.js");
type RootfsBench = typeof import("./rootfs-build.js");
type ContainersBench = typeof import("./containers.js");
type CourseBench = typeof import("./course.js");

const BENCHES: readonly Bench[] = [
  {
    title: "cgroups",
    run: async () =>
      ((m: CgroupsBench) => m.benchCgroups().then(m.formatCgroupBench))(require("./cgroups.js")),
  },
  {
    title: "rootfs",
    run: async () =>
      ((m: RootfsBench) => m.benchRootfsBuild().then(formatRootfs))(require("./rootfs-build.js")),
  },
  {
    title: "containers",
    run: async () =>
      ((m: ContainersBench) => m.benchContainers().then(m.formatContainerBench))(require("./containers.js")),
  },
  {
    title: "course",
    run: async () => ((m: CourseBench) => m.benchCourse().then(m.formatCourseBench))(require("./course.js")),
  },
];

function formatRootfs(r: Awaited<ReturnType<RootfsBench["benchRootfsBuild"]>>): string {
  return (
    `busybox rootfs over ${r.runs} runs (medians): build ${r.buildMs.toFixed(1)} ms, ` +
    `up-to-date check ${r.upToDateMs.toFixed(1)} ms, forced rebuild ${r.rebuildMs.toFixed(1)} ms`
  );
}

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) {
    process.stderr.write(
      "bench: run as root (the benchmarks create rootfs folders, cgroups and containers)\n",
    );
    process.exitCode = 1;
    return;
  }
  // `npm run bench -- containers` runs only the named ones.
  const only = process.argv.slice(2);
  for (const bench of BENCHES.filter((b) => only.length === 0 || only.includes(b.title))) {
    process.stdout.write(`== ${bench.title}\n`);
    try {
      process.stdout.write(`${await bench.run()}\n\n`);
    } catch (e) {
      process.stderr.write(
        `bench ${bench.title} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n\n`,
      );
      process.exitCode = 1;
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
