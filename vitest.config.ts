import { defineConfig } from "vitest/config";

// Three groups: unit (no privileges), integration (real kernel features; skip loudly without root),
// notebooks (every notebook executed headlessly under tslab through Jupyter).
export default defineConfig({
  test: {
    reporters: ["default"],
    // Integration and notebook files share the kernel's namespaces, cgroups and /run/nsbook: one file at a time.
    fileParallelism: false,
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          exclude: ["test/integration/**/*.v2vm.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "notebooks",
          include: ["test/notebooks/**/*.test.ts"],
          testTimeout: 900_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
