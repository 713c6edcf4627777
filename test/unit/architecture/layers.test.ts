// The layers of src/ (scripts/check-layers.ts): the real tree passes, and a tree with an import pointing up,
// one sideways and one deep into the library fails, each named.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(__dirname, "../../..");
const SCRIPT = join(ROOT, "scripts/check-layers.ts");
const scratch = mkdtempSync(join(tmpdir(), "nsbook-layers-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function check(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", SCRIPT, ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function tree(files: Record<string, string>): string {
  const src = mkdtempSync(join(scratch, "src-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(src, path)), { recursive: true });
    writeFileSync(join(src, path), text);
  }
  return src;
}

describe("the layers of src/", () => {
  it("hold for the real source tree: every import points down", () => {
    const r = check();
    expect(r.out).toMatch(/layers ok/);
    expect(r.status).toBe(0);
  });

  it("refuse an import from a layer above, one from beside, and a deep import into the library", () => {
    const src = tree({
      "lib/index.ts": 'export { up } from "./core/up.js";\n',
      // core is below container: importing it is pointing up.
      "lib/core/up.ts": 'import { start } from "../container/start.js";\nexport const up = start;\n',
      "lib/container/start.ts": "export const start = 1;\n",
      // cgroups and network share a layer: neither may import the other.
      "lib/cgroups/a.ts": 'import { b } from "../network/b.js";\nexport const a = b;\n',
      "lib/network/b.ts": "export const b = 2;\n",
      // The CLI may use the library only through src/lib/index.ts.
      "cli/main.ts": 'import { start } from "../lib/container/start.js";\nexport const c = start;\n',
    });
    const r = check("--src", src);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(
      /lib\/core\/up\.ts imports \.\.\/container\/start\.js: lib\/core may not import lib\/container \(a layer above\)/,
    );
    expect(r.out).toMatch(/lib\/cgroups may not import lib\/network \(same layer\)/);
    expect(r.out).toMatch(/src\/cli\/main\.ts imports \.\.\/lib\/container\/start\.js: a deep import/);
  });
});

describe("the package's public API", () => {
  // Self-reference by package name goes through package.json "exports" (Node resolves it as a consumer would).
  const resolveFromRoot = (id: string) => require.resolve(id, { paths: [ROOT] });

  it("exports the library and the kernel helpers by name, compiled", () => {
    expect(resolveFromRoot("nsbook")).toBe(join(ROOT, "dist/lib/index.js"));
    expect(resolveFromRoot("nsbook/kernel-helpers")).toBe(join(ROOT, "dist/kernel-helpers/index.js"));
  });

  it("keeps every other file private", () => {
    expect(() => resolveFromRoot("nsbook/dist/lib/container/index.js")).toThrow(/not defined by "exports"/);
  });
});
