// Gathers every tool's location, version output and (busybox) linkage.
import { accessSync, closeSync, constants, openSync, readSync } from "node:fs";
import { resolve } from "node:path";
import { runHost } from "../../host/index.js";
import type { ToolFact } from "../facts.js";
import { TOOL_SPECS, type ToolName } from "../tool-specs.js";
import { isStaticElf } from "./elf.js";
import { locateTool } from "./find-tool.js";

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

function readHead(path: string, bytes: number): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The checkout's .venv/bin, where ./setup.sh installs JupyterLab and `npm run course` finds it. */
const PROJECT_VENV_BIN = resolve(__dirname, "..", "..", "..", "..", ".venv", "bin");

/** Locates every tool (the project's .venv first, then PATH) and asks its version (each at most `timeoutMs`). */
export async function readTools(
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Partial<Record<ToolName, ToolFact>>> {
  const entries = await Promise.all(
    TOOL_SPECS.map(async (spec): Promise<[ToolName, ToolFact]> => {
      const where = locateTool(spec.name, `${PROJECT_VENV_BIN}:${process.env.PATH ?? ""}`, isExecutable);
      if (!where.path) return [spec.name, where];
      const r = await runHost([where.path, ...spec.versionArgs], {
        allowFailure: true,
        timeoutMs,
        signal,
      }).catch(() => undefined);
      const versionOutput = r ? `${r.stdout}\n${r.stderr}`.trim() : undefined;
      const head = spec.name === "busybox" ? readHead(where.path, 4096) : undefined;
      const isStatic = head ? isStaticElf(head) : undefined;
      return [
        spec.name,
        {
          ...where,
          ...(versionOutput !== undefined ? { versionOutput } : {}),
          ...(isStatic !== undefined ? { isStatic } : {}),
        },
      ];
    }),
  );
  return Object.fromEntries(entries);
}
