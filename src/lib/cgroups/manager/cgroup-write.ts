// One write to a cgroup file, as data: what the limit writers produce and the managers carry out.
import type { ControllerName } from "../types.js";

/** Write `value` to `file` in the container's cgroup of `controller`'s hierarchy. */
export interface CgroupWrite {
  controller: ControllerName;
  /** File name inside the cgroup directory, e.g. "memory.max". */
  file: string;
  value: string;
}
