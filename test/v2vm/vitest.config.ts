// The cgroup integration tests on a real cgroup v2 kernel (scripts/test-v2.sh runs this inside
// ../shared/tools/cgroup2-vm). Node runs 15-25x slower under qemu's TCG there, so: one worker process for
// all files, no per-file isolation, long timeouts.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: process.cwd(),
    // The cgroup integration tests, the same files as on the host: limits, containers with limits, stats.
    include: ["test/integration/cgroups/**/*.test.ts"],
    reporters: ["default"],
    // A child process, not a worker thread: the stats test draws its PNG with node-canvas, whose native addon
    // crashes the whole process (SIGSEGV, exit 139) when a worker thread that loaded it is torn down, after
    // every test has passed. Seen with vitest's threads pool and with a bare worker_threads Worker alike.
    pool: "forks",
    poolOptions: { forks: { singleFork: true, isolate: false } },
    isolate: false,
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
