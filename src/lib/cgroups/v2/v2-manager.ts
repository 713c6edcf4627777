// The cgroup v2 manager: one directory, nsbook-<name>, below the caller's own cgroup in the unified hierarchy.
//
// The container's cgroup is a leaf (it holds the container's processes, so by the no-internal-processes rule it
// could not enable controllers for children anyway); the controllers it gets are those its parent - the
// caller's cgroup - enables. nsbook writes that parent's cgroup.subtree_control only when the parent is the
// caller's own delegated, non-root cgroup, after moving its processes into a leaf (see delegated-leaf.ts);
// in the root cgroup, or in a cgroup not delegated to us, it never does: detection reports the controller as
// not usable, with the fix.

import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { NsbookError } from "../../errors/index.js";
import { LimitError } from "../limits/limit-error.js";
import type { CgroupLimits } from "../limits/limits.js";
import type { ControllerDir } from "../manager/cgroup-manager.js";
import type { CgroupWrite } from "../manager/cgroup-write.js";
import { DirCgroupManager } from "../manager/dir-manager.js";
import type { ControllerName } from "../types.js";
import type { UsageSample } from "../usage/usage-sample.js";
import { enterDelegatedLeaf } from "./delegated-leaf.js";
import { v2LimitWrites } from "./v2-limit-writes.js";
import { usageFromV2Files, V2_USAGE_FILES, type V2UsageFiles } from "./v2-usage.js";

/** Manages a container's cgroup on the v2 hierarchy. */
export class V2Manager extends DirCgroupManager {
  /** The container's one v2 directory. */
  readonly dir: string;

  /** The leaf the parent's processes move into before the controllers are enabled, when the plan needs it. */
  readonly leafDir?: string;

  /**
   * @param dir the container's cgroup directory (it exists even when no controller is usable: cpu.stat's
   *   usage_usec, cgroup.kill and cgroup.events need none).
   * @param controllers the v2 controllers its parent enables for it.
   * @param options.leafDir when set (`<parent>/nsbook-leaf`), create() first moves the parent's processes there
   *   and enables `controllers` in the parent (its delegated, non-root cgroup: see enterDelegatedLeaf).
   */
  constructor(
    dirName: string,
    dir: string,
    controllers: readonly ControllerName[],
    options: { leafDir?: string } = {},
  ) {
    super(
      dirName,
      controllers.map((controller): ControllerDir => ({ controller, version: 2, dir })),
      [dir],
    );
    this.dir = dir;
    if (options.leafDir) this.leafDir = options.leafDir;
  }

  override async create(): Promise<void> {
    if (this.leafDir) {
      await enterDelegatedLeaf(dirname(this.leafDir), {
        controllers: this.controllers.map((c) => c.controller).filter((c) => c !== "cpuacct"),
      });
    }
    await super.create();
    // The parent decides which controllers a child gets: check that it gives what detection promised.
    const available = (this.readOnce(this.dir, "cgroup.controllers") ?? "").trim().split(/\s+/);
    const missing = this.controllers
      .map((c) => c.controller)
      .filter((c) => c !== "cpuacct" && !available.includes(c));
    if (missing.length > 0) {
      const parent = join(this.dir, "..");
      throw new NsbookError(
        "cgroup-controllers",
        `the cgroup v2 controllers ${missing.join(", ")} are not enabled for children of ${parent} ` +
          `(its cgroup.subtree_control); enable them there, e.g. \`echo "${missing.map((m) => `+${m}`).join(" ")}" > ${join(parent, "cgroup.subtree_control")}\``,
      );
    }
  }

  protected limitWrites(limits: CgroupLimits): CgroupWrite[] {
    if (
      limits.swapBytes !== undefined &&
      this.dirOf("memory") &&
      !existsSync(join(this.dir, "memory.swap.max"))
    ) {
      throw new LimitError(
        "swap",
        limits.swapBytes,
        "this kernel does not account swap (no memory.swap.max; CONFIG_MEMCG_SWAP or swapaccount=0), so leave swap unset",
      );
    }
    return v2LimitWrites(limits);
  }

  protected readUsageFields(): Omit<UsageSample, "timeMs"> {
    const files: V2UsageFiles = {};
    const read = (name: keyof V2UsageFiles) => this.reader.read(join(this.dir, name));
    // cpu.stat is always there; the others only with their controller.
    files["cpu.stat"] = read("cpu.stat");
    for (const { controller } of this.controllers) {
      const names = V2_USAGE_FILES[controller as keyof typeof V2_USAGE_FILES] as
        | readonly (keyof V2UsageFiles)[]
        | undefined;
      for (const name of names ?? []) files[name] ??= read(name);
    }
    return usageFromV2Files(files);
  }
}
