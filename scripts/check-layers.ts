// `npm run check:layers` (part of `npm run lint`): the source's folders form layers that point one way.
//
// A folder may import only from folders in LOWER layers (never from a folder above, never sideways within its
// layer), and from outside a public folder only through its index.ts. The layers, lowest first, are the
// picture in the README's contributor section; this table is that picture, checked.
//
//   node --import tsx scripts/check-layers.ts             exit 1 and one line per offending import
//   node --import tsx scripts/check-layers.ts --graph     also print the folder graph
//   node --import tsx scripts/check-layers.ts --src DIR   check another tree laid out like src/ (the tests do)
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative, resolve, sep } from "node:path";

const srcAt = process.argv.indexOf("--src");
const SRC =
  srcAt > 0 && process.argv[srcAt + 1] ? resolve(process.argv[srcAt + 1]) : join(__dirname, "..", "src");

/** Folders under src/ (and src/lib/), lowest layer first; folders on one line are independent of each other. */
const LAYERS: readonly (readonly string[])[] = [
  ["lib/text", "lib/proc", "lib/errors", "lib/course"], // plain data, the course's steps, the error base class
  ["lib/host"], // running host commands (runHost)
  ["lib/privilege"], // root, sudo or rootless: detection and the mode containers run in
  ["lib/core"], // paths, container state, names, the resource registry, the extension contracts
  ["lib/inspect", "lib/rootfs"], // reading /proc; root filesystems
  ["lib/cgroups", "lib/network", "lib/overlay", "lib/hardening"], // the container's extensions and options
  ["lib/container"], // lifecycle: start, run, exec, stop; composes the extensions (container/extensions.ts)
  ["lib/doctor", "lib/lab"], // what this machine can do; the escape lab of step 11
  ["lib"], // src/lib/index.ts: the library's public API
  ["kernel-helpers"], // what notebooks call to show things
  ["handouts"], // executed notebooks as HTML and PDF
  ["cli"], // the nsbook command
  ["kernel"], // the Jupyter kernel's launcher (tslab, out-of-order explanations)
];

/**
 * Folders whose inside is private, and the entries the layers above may import. kernel-helpers has a second,
 * light entry: the Jupyter kernel picks a notebook's language with i18n/ at start-up, before any cell runs, and
 * must not load the charts (a native canvas) to do it.
 */
const PUBLIC_ENTRIES: Readonly<Record<string, readonly string[]>> = {
  lib: ["index.ts"],
  "kernel-helpers": ["index.ts", "i18n/index.ts"],
};

const layerOf = new Map<string, number>();
LAYERS.forEach((folders, i) => {
  for (const f of folders) layerOf.set(f, i);
});

/** The folder a source file belongs to: lib/<area> for the library's areas, else src/<top>. */
function folderOf(file: string): string {
  const parts = relative(SRC, file).split(sep);
  if (parts[0] === "lib" && parts.length > 2) return `lib/${parts[1]}`;
  return parts[0] ?? "";
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

/** Relative module specifiers a file imports: `from "./x.js"`, `import "./x.js"`, `import("./x.js")`, require. */
function importsOf(file: string): string[] {
  // Comments name paths too (e.g. how notebooks import dist/): leave them out.
  const text = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
    .join("\n");
  const found: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom|\bimport|\brequire\(|\bimport\()\s*"(\.{1,2}\/[^"]+)"/g)) {
    if (m[1]) found.push(m[1]);
  }
  return found;
}

const problems: string[] = [];
const edges = new Map<string, Set<string>>();
for (const file of sourceFiles(SRC)) {
  const from = folderOf(file);
  if (!layerOf.has(from)) {
    problems.push(
      `${relative(SRC, file)}: folder ${from} is in no layer (add it to LAYERS in scripts/check-layers.ts)`,
    );
    continue;
  }
  for (const spec of importsOf(file)) {
    const target = normalize(join(dirname(file), spec)).replace(/\.js$/, ".ts");
    const to = folderOf(target);
    if (to === from) continue;
    const where = `src/${relative(SRC, file)} imports ${spec}`;
    const fromLayer = layerOf.get(from) ?? -1;
    const toLayer = layerOf.get(to);
    if (toLayer === undefined) problems.push(`${where}: folder ${to} is in no layer`);
    else if (toLayer >= fromLayer)
      problems.push(
        `${where}: ${from} may not import ${to} (${toLayer === fromLayer ? "same layer" : "a layer above"})`,
      );
    // From outside a public folder (lib, kernel-helpers), only its index.ts; lib's own areas are inside lib.
    const publicRoot = Object.keys(PUBLIC_ENTRIES).find((p) => to === p || to.startsWith(`${p}/`));
    const inside = publicRoot && (from === publicRoot || from.startsWith(`${publicRoot}/`));
    if (
      publicRoot &&
      !inside &&
      !PUBLIC_ENTRIES[publicRoot]?.includes(relative(join(SRC, publicRoot), target))
    )
      problems.push(`${where}: a deep import; import it from src/${publicRoot}/index.ts`);
    const set = edges.get(from) ?? new Set<string>();
    set.add(to);
    edges.set(from, set);
  }
}

if (process.argv.includes("--graph")) {
  for (const [from, tos] of [...edges].sort()) console.log(`${from} -> ${[...tos].sort().join(", ")}`);
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  console.error(
    `\n${problems.length} import(s) break the layers (scripts/check-layers.ts says which way they point)`,
  );
  process.exit(1);
}
console.log(`layers ok: ${edges.size} folders, every import points down`);
