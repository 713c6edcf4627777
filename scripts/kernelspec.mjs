#!/usr/bin/env node
// Writes the project-local Jupyter kernelspec "nsbook (TypeScript)": <root>/.jupyter-local/kernels/nsbook.
// Jupyter finds it through JUPYTER_PATH=<root>/.jupyter-local (scripts/course.sh and the tests set it).
//
// Why by hand: `tslab install` needs IPython in the chosen Python and registers a global kernel. This
// spec runs the project's own tslab (node_modules/.bin/tslab), so nothing is installed globally.
// Idempotent: the file is rewritten only when its content would change.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Project root: the folder above scripts/. */
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The kernelspec's kernel.json for a project at `projectRoot`. */
export function kernelSpecFor(projectRoot) {
  return {
    // bin/nsbook-kernel starts tslab as root through the course's sudo rule when the user has it (see
    // scripts/kernel-access.sh), as the user (rootless) otherwise, and cleans up after the kernel however it ends.
    argv: [join(projectRoot, "bin", "nsbook-kernel"), "{connection_file}"],
    display_name: "nsbook (TypeScript)",
    language: "typescript",
    // Jupyter interrupts by sending SIGINT to the kernel's process group; sudo relays it to a root kernel.
    interrupt_mode: "signal",
    metadata: { nsbook: { generatedBy: "scripts/kernelspec.mjs" } },
  };
}

/** Writes the kernelspec below `projectRoot` unless it is already up to date; returns what happened. */
export function writeKernelSpec(projectRoot = root) {
  const dir = join(projectRoot, ".jupyter-local", "kernels", "nsbook");
  const path = join(dir, "kernel.json");
  const text = `${JSON.stringify(kernelSpecFor(projectRoot), null, 2)}\n`;
  let current = null;
  try {
    current = readFileSync(path, "utf8");
  } catch {
    // Not there yet.
  }
  if (current === text) return { changed: false, path };
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, text);
  return { changed: true, path };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { changed, path } = writeKernelSpec();
  process.stdout.write(changed ? `kernelspec: written ${path}\n` : "kernelspec: up to date\n");
}
