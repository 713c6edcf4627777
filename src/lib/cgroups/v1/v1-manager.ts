// The cgroup v1 manager: one directory per hierarchy (memory, cpu, cpuacct, pids may each be mounted apart,
// or co-mounted as "cpu,cpuacct"), all named nsbook-<name> below the caller's own cgroup in that hierarchy.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { LimitError } from "../limits/limit-error.js";
import type { CgroupLimits } from "../limits/limits.js";
import type { ControllerDir } from "../manager/cgroup-manager.js";
import type { CgroupWrite } from "../manager/cgroup-write.js";
import { DirCgroupManager } from "../manager/dir-manager.js";
import { parseV1MemoryLimit } from "../parse/single-value.js";
import type { UsageSample } from "../usage/usage-sample.js";
import { v1LimitWrites } from "./v1-limit-writes.js";
import { usageFromV1Files, V1_USAGE_FILES, type V1UsageFiles } from "./v1-usage.js";

/** Manages a container's cgroups on v1 hierarchies. */
export class V1Manager extends DirCgroupManager {
  constructor(dirName: string, controllers: readonly ControllerDir[]) {
    super(
      dirName,
      controllers.filter((c) => c.version === 1),
    );
  }

  protected limitWrites(limits: CgroupLimits): CgroupWrite[] {
    const memoryDir = this.dirOf("memory");
    if (
      limits.swapBytes !== undefined &&
      memoryDir &&
      !existsSync(join(memoryDir, "memory.memsw.limit_in_bytes"))
    ) {
      throw new LimitError(
        "swap",
        limits.swapBytes,
        "this kernel does not account swap in cgroup v1 (no memory.memsw.limit_in_bytes; boot with swapaccount=1), so leave swap unset",
      );
    }
    const memsw = memoryDir ? this.readOnce(memoryDir, "memory.memsw.limit_in_bytes") : undefined;
    return v1LimitWrites(limits, {
      memswLimitBytes: memsw === undefined ? undefined : parseV1MemoryLimit(memsw),
    });
  }

  protected readUsageFields(): Omit<UsageSample, "timeMs"> {
    const files: V1UsageFiles = {};
    for (const { controller } of this.controllers) {
      const names = V1_USAGE_FILES[controller as keyof typeof V1_USAGE_FILES] as
        | readonly (keyof V1UsageFiles)[]
        | undefined;
      for (const name of names ?? []) files[name] = this.readFile(controller, name);
    }
    return usageFromV1Files(files);
  }
}
