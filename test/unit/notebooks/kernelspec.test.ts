// scripts/kernelspec.mjs: the project-local kernelspec, written only when it changes.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../../scripts/notebooks/paths.js";

const SCRIPT = join(PROJECT_ROOT, "scripts", "kernelspec.mjs");
let root: string | undefined;

afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** Calls writeKernelSpec(projectRoot) `times` times in a fresh node and returns what each call reported. */
function writeTimes(projectRoot: string, times: number): { changed: boolean; path: string }[] {
  const code = `const m = await import(${JSON.stringify(SCRIPT)}); const r = []; for (let i = 0; i < ${times}; i++) r.push(m.writeKernelSpec(${JSON.stringify(projectRoot)})); console.log(JSON.stringify(r));`;
  return JSON.parse(
    execFileSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" }),
  );
}

describe("kernelspec.mjs", () => {
  it("writes kernel.json running the project's kernel launcher with the connection file", () => {
    root = mkdtempSync(join(tmpdir(), "nsbook-kernelspec-"));
    const [first] = writeTimes(root, 1);
    expect(first).toEqual({
      changed: true,
      path: join(root, ".jupyter-local", "kernels", "nsbook", "kernel.json"),
    });
    const spec = JSON.parse(readFileSync(first?.path as string, "utf8"));
    expect(spec).toMatchObject({
      argv: [join(root, "bin", "nsbook-kernel"), "{connection_file}"],
      display_name: "nsbook (TypeScript)",
      language: "typescript",
      interrupt_mode: "signal",
    });
  });

  it("puts the kernel's logo beside kernel.json, where Jupyter's launcher looks for it", () => {
    root = mkdtempSync(join(tmpdir(), "nsbook-kernelspec-"));
    const [first] = writeTimes(root, 1);
    const dir = join(first?.path as string, "..");
    for (const [name, size] of [
      ["logo-32x32.png", 32],
      ["logo-64x64.png", 64],
    ] as const) {
      const png = readFileSync(join(dir, name));
      // PNG signature, then the IHDR chunk's width and height.
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    expect(readFileSync(join(dir, "logo-svg.svg"), "utf8")).toMatch(/^<svg /);
  });

  it("changes nothing the second time", () => {
    root = mkdtempSync(join(tmpdir(), "nsbook-kernelspec-"));
    expect(writeTimes(root, 2).map((r) => r.changed)).toEqual([true, false]);
  });

  it("prints what it did when run as a script", () => {
    const out = execFileSync(process.execPath, [SCRIPT], { encoding: "utf8" });
    expect(out).toMatch(/^kernelspec: (up to date|written .*kernel\.json)\n$/);
  });

  it("starts the kernel with a NODE_OPTIONS flag this Node accepts (scripts/kernel/run-kernel.sh)", () => {
    const launcher = readFileSync(join(PROJECT_ROOT, "scripts", "kernel", "run-kernel.sh"), "utf8");
    expect(launcher).toContain("export NODE_OPTIONS=--disable-warning=ExperimentalWarning");
    const out = execFileSync(process.execPath, ["-e", "console.log('ok')"], {
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: "--disable-warning=ExperimentalWarning" },
    });
    expect(out).toBe("ok\n");
  });
});
