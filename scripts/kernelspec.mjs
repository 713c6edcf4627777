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

/** The kernel's logo, in the file names Jupyter looks for in a kernelspec folder (the launcher shows it). */
export const LOGO_FILES = ["logo-32x32.png", "logo-64x64.png", "logo-svg.svg"];
const LOGO_DIR = join(root, "scripts", "kernel", "logo");

/** Writes `content` to `path` unless the file already holds it; returns whether it wrote. */
function writeIfChanged(path, content) {
  let current = null;
  try {
    current = readFileSync(path);
  } catch {
    // Not there yet.
  }
  if (current?.equals(content)) return false;
  writeFileSync(path, content);
  return true;
}

/** Writes the kernelspec (kernel.json and the logo) below `projectRoot` unless it is up to date; returns what happened. */
export function writeKernelSpec(projectRoot = root) {
  const dir = join(projectRoot, ".jupyter-local", "kernels", "nsbook");
  const path = join(dir, "kernel.json");
  mkdirSync(dir, { recursive: true });
  let changed = writeIfChanged(path, Buffer.from(`${JSON.stringify(kernelSpecFor(projectRoot), null, 2)}\n`));
  for (const name of LOGO_FILES) {
    changed = writeIfChanged(join(dir, name), readFileSync(join(LOGO_DIR, name))) || changed;
  }
  return { changed, path };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { changed, path } = writeKernelSpec();
  process.stdout.write(changed ? `kernelspec: written ${path}\n` : "kernelspec: up to date\n");
}
