#!/usr/bin/env node
// Exits 0 when node_modules holds exactly what package-lock.json asks for, 1 otherwise (reason on stderr).
// setup.sh uses it once, to adopt a node_modules installed before its first run instead of reinstalling.
//
// npm records what it installed in node_modules/.package-lock.json (the "hidden lockfile"). Every package
// there must have the lockfile's version, and every package of the lockfile must be there, except optional
// ones for other platforms (esbuild's @esbuild/<os>-<cpu>, for example), which npm skips.
import { readFileSync } from "node:fs";

/** `packages` of a lockfile-shaped JSON file, without the root entry. */
function packagesOf(path) {
  const { packages = {} } = JSON.parse(readFileSync(path, "utf8"));
  delete packages[""];
  return packages;
}

/** The first difference between the wanted and the installed packages, or null when they match. */
function firstDifference(wanted, installed) {
  for (const [path, entry] of Object.entries(installed)) {
    const want = wanted[path];
    if (!want) return `${path} is installed but not in package-lock.json`;
    if (want.version !== entry.version)
      return `${path} is ${entry.version}, package-lock.json wants ${want.version}`;
  }
  for (const [path, want] of Object.entries(wanted)) {
    if (!installed[path] && !want.optional) return `${path} is missing`;
  }
  return null;
}

try {
  const difference = firstDifference(
    packagesOf("package-lock.json"),
    packagesOf("node_modules/.package-lock.json"),
  );
  if (difference) {
    process.stderr.write(`node_modules differs from package-lock.json: ${difference}\n`);
    process.exit(1);
  }
} catch (e) {
  process.stderr.write(
    `cannot compare node_modules with package-lock.json: ${e instanceof Error ? e.message : e}\n`,
  );
  process.exit(1);
}
