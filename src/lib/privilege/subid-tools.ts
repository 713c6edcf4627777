// The setuid helpers that map ranges of IDs into a rootless user namespace (newuidmap, newgidmap, from
// Debian's uidmap package) and the ranges granted to users in /etc/subuid and /etc/subgid. Without them a
// user namespace made by a non-root user maps only that user's own uid (notebook 09).
import { readFile } from "node:fs/promises";
import { runHost } from "../host/index.js";

/** What the setuid helpers for ID ranges look like here: the path of each tool, the lines of each file. */
export interface SubidTools {
  newuidmap?: string;
  newgidmap?: string;
  /** Lines in /etc/subuid and /etc/subgid; undefined when the file does not exist. */
  subuidLines?: number;
  subgidLines?: number;
}

async function onPath(tool: string): Promise<string | undefined> {
  const found = (await runHost(["sh", "-c", `command -v ${tool} || true`])).stdout.trim();
  return found === "" ? undefined : found;
}

async function linesOf(file: string): Promise<number | undefined> {
  try {
    return (await readFile(file, "utf8")).split("\n").filter((l) => l.trim() !== "").length;
  } catch {
    return undefined;
  }
}

/** Looks for newuidmap/newgidmap on PATH and counts the ranges granted in /etc/subuid and /etc/subgid. */
export async function readSubidTools(): Promise<SubidTools> {
  const [newuidmap, newgidmap, subuidLines, subgidLines] = await Promise.all([
    onPath("newuidmap"),
    onPath("newgidmap"),
    linesOf("/etc/subuid"),
    linesOf("/etc/subgid"),
  ]);
  return {
    ...(newuidmap ? { newuidmap } : {}),
    ...(newgidmap ? { newgidmap } : {}),
    ...(subuidLines !== undefined ? { subuidLines } : {}),
    ...(subgidLines !== undefined ? { subgidLines } : {}),
  };
}
