// The cgroup integration tests on a real cgroup v2 kernel (scripts/test-v2.sh runs this inside
// ../shared/tools/cgroup2-vm). Node runs 15-25x slower under qemu's TCG there, so: one file, one thread, no
// per-file isolation, long timeouts.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: process.cwd(),
    // The cgroup integration tests, the same files as on the host: limits, containers with limits, stats.
    include: ["test/integration/cgroups/**/*.test.ts"],
    reporters: ["default"],
    pool: "threads",
    poolOptions: { threads: { singleThread: true, isolate: false } },
    isolate: false,
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
