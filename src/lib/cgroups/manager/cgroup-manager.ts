// The one interface every cgroup manager implements (runc's cgroups.Manager): v1 (one directory per
// hierarchy), v2 (one directory), and a composite for hybrid hosts.
import type { CgroupLimits } from "../limits/limits.js";
import type { ControllerName } from "../types.js";
import type { UsageSample } from "../usage/usage-sample.js";

/** Where the container's cgroup for one controller is. */
export interface ControllerDir {
  controller: ControllerName;
  version: 1 | 2;
  /** The cgroup directory, e.g. /sys/fs/cgroup/memory/process_api/x/nsbook-web. */
  dir: string;
}

/** Options for {@link CgroupManager.killAll} and {@link CgroupManager.destroy}. */
export interface CgroupStopOptions {
  /** Give up after this long, in milliseconds. @default 5000 */
  timeoutMs?: number;
}

/** The cgroups of one container, in every hierarchy that serves a controller it uses. */
export interface CgroupManager {
  /** Directory name in every hierarchy: "nsbook-<name>". */
  readonly dirName: string;
  /** Where each managed controller's cgroup is. */
  readonly controllers: readonly ControllerDir[];
  /** Every cgroup directory, one per hierarchy. */
  readonly dirs: readonly string[];
  /** The cgroup.procs file of every directory: a process is in the container's cgroups once its PID is in each. */
  readonly procsFiles: readonly string[];
  /** Creates the directories (a leftover one without processes is replaced). */
  create(): Promise<void>;
  /** True when every directory exists. */
  exists(): boolean;
  /** Writes the limits; errors carry the file, the value and a hint. */
  set(limits: CgroupLimits): Promise<void>;
  /** Moves process `pid` into every directory. */
  addProcess(pid: number): Promise<void>;
  /** PIDs in the container's cgroups (the union over hierarchies). */
  pids(): number[];
  /** Reads usage now (synchronous: a dozen small kernfs reads through cached descriptors). */
  readUsage(): UsageSample;
  /** Closes the descriptors readUsage() keeps open (reopened on the next read). */
  closeFiles(): void;
  /** SIGKILLs every process in the cgroups and waits until they are gone. */
  killAll(options?: CgroupStopOptions): Promise<void>;
  /** Removes the directories (retrying while dying processes are counted). Idempotent. */
  destroy(options?: CgroupStopOptions): Promise<void>;
  /** Kills what is left, removes the directories and closes file descriptors. Idempotent. */
  dispose(): Promise<void>;
}
