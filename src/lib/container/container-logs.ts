// What a detached container's init and main command printed (stdout and stderr, in order).

import { readFile } from "node:fs/promises";
import { readState } from "../core/state.js";
import type { ContainerSpec } from "./container-spec.js";

/** The log of container `name` so far ("" when it printed nothing); throws when there is no such container. */
export async function containerLogs(name: string): Promise<string> {
  const state = await readState<ContainerSpec>(name);
  try {
    return await readFile(state.logPath, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return "";
    throw e;
  }
}
