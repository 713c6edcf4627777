// A manager made of others: a hybrid host serves some controllers from v1 hierarchies and others from v2.
import type { CgroupLimits } from "../limits/limits.js";
import { mergeUsage, type UsageSample } from "../usage/usage-sample.js";
import type { CgroupManager, CgroupStopOptions, ControllerDir } from "./cgroup-manager.js";
import { assertControllersServe, type DirCgroupManager } from "./dir-manager.js";

/** Runs every operation on each part (teardown in reverse order) and merges their usage. */
export class CompositeManager implements CgroupManager {
  readonly dirName: string;
  readonly controllers: readonly ControllerDir[];
  readonly dirs: readonly string[];
  readonly procsFiles: readonly string[];
  private readonly parts: readonly DirCgroupManager[];

  constructor(dirName: string, parts: readonly DirCgroupManager[]) {
    this.dirName = dirName;
    this.parts = parts;
    this.controllers = parts.flatMap((p) => p.controllers);
    this.dirs = parts.flatMap((p) => p.dirs);
    this.procsFiles = parts.flatMap((p) => p.procsFiles);
  }

  async create(): Promise<void> {
    const created: DirCgroupManager[] = [];
    try {
      for (const p of this.parts) {
        await p.create();
        created.push(p);
      }
    } catch (e) {
      for (const p of created.reverse()) await p.destroy().catch(() => {});
      throw e;
    }
  }

  exists(): boolean {
    return this.parts.length > 0 && this.parts.every((p) => p.exists());
  }

  async set(limits: CgroupLimits): Promise<void> {
    assertControllersServe(limits, this.controllers);
    for (const p of this.parts) await p.applyLimits(limits);
  }

  async addProcess(pid: number): Promise<void> {
    for (const p of this.parts) await p.addProcess(pid);
  }

  pids(): number[] {
    return [...new Set(this.parts.flatMap((p) => p.pids()))].sort((a, b) => a - b);
  }

  readUsage(): UsageSample {
    const samples = this.parts.map((p) => p.readUsage());
    return mergeUsage(Date.now(), ...samples);
  }

  closeFiles(): void {
    for (const p of this.parts) p.closeFiles();
  }

  async killAll(options?: CgroupStopOptions): Promise<void> {
    for (const p of this.parts) await p.killAll(options);
  }

  async destroy(options?: CgroupStopOptions): Promise<void> {
    const errors: unknown[] = [];
    for (const p of [...this.parts].reverse()) await p.destroy(options).catch((e: unknown) => errors.push(e));
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1)
      throw new AggregateError(errors, `could not remove the cgroups of ${this.dirName}`);
  }

  async dispose(): Promise<void> {
    try {
      await this.killAll();
    } finally {
      await this.destroy();
    }
  }
}
