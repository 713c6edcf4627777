// What v1 and v2 managers share: a set of cgroup directories to create, fill, empty and remove.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { NsbookError } from "../../errors/index.js";
import { makeCgroupDir, removeCgroupDir } from "../fs/cgroup-dir.js";
import { readCgroupFile, writeCgroupFile } from "../fs/cgroup-file.js";
import { CgroupFileError } from "../fs/cgroup-file-error.js";
import { CgroupFileReader } from "../fs/file-reader.js";
import { cgroupPids, killCgroupProcs } from "../fs/kill-procs.js";
import { type CgroupLimits, controllersForLimits } from "../limits/limits.js";
import type { ControllerName } from "../types.js";
import type { UsageSample } from "../usage/usage-sample.js";
import type { CgroupManager, CgroupStopOptions, ControllerDir } from "./cgroup-manager.js";
import type { CgroupWrite } from "./cgroup-write.js";

/** The cgroups were removed (their container ended) while someone was still reading them. */
export class CgroupGoneError extends NsbookError {
  override readonly name: string = "CgroupGoneError";
  readonly dirs: readonly string[];
  constructor(dirName: string, dirs: readonly string[]) {
    super(
      "cgroup-gone",
      `the cgroups of ${dirName} no longer exist (${dirs.join(", ")}): its container has ended`,
    );
    this.dirs = dirs;
  }
}

/** Base of the v1 and v2 managers. Subclasses say which files to write and how to read usage. */
export abstract class DirCgroupManager implements CgroupManager {
  readonly dirName: string;
  readonly controllers: readonly ControllerDir[];
  readonly dirs: readonly string[];
  readonly procsFiles: readonly string[];
  protected readonly reader = new CgroupFileReader();
  /** Highest memory use seen, for kernels without a peak file (v2 before 5.19). */
  private memoryPeakSeen = 0;

  constructor(dirName: string, controllers: readonly ControllerDir[], extraDirs: readonly string[] = []) {
    this.dirName = dirName;
    this.controllers = controllers;
    this.dirs = [...new Set([...controllers.map((c) => c.dir), ...extraDirs])];
    this.procsFiles = this.dirs.map((d) => join(d, "cgroup.procs"));
  }

  /** The writes that apply `limits` here, in order. */
  protected abstract limitWrites(limits: CgroupLimits): CgroupWrite[];
  /** Usage fields read from this manager's directories. */
  protected abstract readUsageFields(): Omit<UsageSample, "timeMs">;

  /** The directory serving `controller`, or undefined. */
  dirOf(controller: ControllerName): string | undefined {
    return this.controllers.find((c) => c.controller === controller)?.dir;
  }

  async create(): Promise<void> {
    this.reader.close();
    this.memoryPeakSeen = 0;
    for (const dir of this.dirs) {
      if (await makeCgroupDir(dir)) continue;
      // Left over from a crash or a container of the same name: reuse only an empty one, never a live one.
      const pids = cgroupPids(dir);
      if (pids.length > 0) {
        throw new NsbookError(
          "cgroup",
          `cgroup ${dir} already exists and has processes ${pids.join(", ")}: is a container named "${this.dirName.replace(/^nsbook-/, "")}" running? Stop it first, or choose another name`,
        );
      }
      await removeCgroupDir(dir);
      await makeCgroupDir(dir);
    }
  }

  exists(): boolean {
    return this.dirs.length > 0 && this.dirs.every((d) => existsSync(d));
  }

  async set(limits: CgroupLimits): Promise<void> {
    assertControllersServe(limits, this.controllers);
    await this.applyLimits(limits);
  }

  /** Writes the limits that this manager's controllers serve, ignoring the others (for composites). */
  async applyLimits(limits: CgroupLimits): Promise<void> {
    for (const w of this.limitWrites(limits)) {
      const dir = this.dirOf(w.controller);
      if (dir) await writeCgroupFile(dir, w.file, w.value);
    }
  }

  async addProcess(pid: number): Promise<void> {
    if (!Number.isSafeInteger(pid) || pid <= 0)
      throw new RangeError(`addProcess: pid must be a positive integer, got ${pid}`);
    for (const dir of this.dirs) await writeProcs(dir, pid);
  }

  pids(): number[] {
    return [...new Set(this.dirs.flatMap(cgroupPids))].sort((a, b) => a - b);
  }

  readUsage(): UsageSample {
    const timeMs = Date.now();
    const fields = this.readUsageFields();
    // Reads of a removed cgroup come back empty (ENODEV through kept descriptors): say so, so that a sampler
    // ends instead of recording nothing forever.
    if (Object.keys(fields).length === 0 && this.dirs.length > 0 && !this.dirs.some((d) => existsSync(d))) {
      throw new CgroupGoneError(this.dirName, this.dirs);
    }
    if (fields.memoryBytes !== undefined) {
      this.memoryPeakSeen = Math.max(this.memoryPeakSeen, fields.memoryBytes);
      fields.memoryPeakBytes ??= this.memoryPeakSeen;
    }
    return { timeMs, ...fields };
  }

  closeFiles(): void {
    this.reader.close();
  }

  async killAll(options: CgroupStopOptions = {}): Promise<void> {
    const existing = this.dirs.filter((d) => existsSync(d));
    if (existing.length > 0) await killCgroupProcs(existing, options);
  }

  async destroy(options: CgroupStopOptions = {}): Promise<void> {
    this.reader.close();
    const errors: unknown[] = [];
    for (const dir of [...this.dirs].reverse()) {
      try {
        await removeCgroupDir(dir, options);
      } catch (e) {
        errors.push(e);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1)
      throw new AggregateError(errors, `could not remove ${errors.length} cgroups of ${this.dirName}`);
  }

  async dispose(): Promise<void> {
    try {
      await this.killAll();
    } finally {
      await this.destroy();
    }
  }

  /** Reads `file` of `controller`'s directory through the cached descriptors. */
  protected readFile(controller: ControllerName, file: string): string | undefined {
    const dir = this.dirOf(controller);
    return dir === undefined ? undefined : this.reader.read(join(dir, file));
  }

  /** Reads a file of any managed directory once (not cached). */
  protected readOnce(dir: string, file: string): string | undefined {
    return readCgroupFile(dir, file);
  }
}

/**
 * Writes `pid` to `dir`/cgroup.procs. EINVAL right after fork can mean the task is still being set up
 * (TASK_NEW); runc retries five times, 30 ms apart, and so do we.
 */
async function writeProcs(dir: string, pid: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await writeCgroupFile(dir, "cgroup.procs", String(pid));
      return;
    } catch (e) {
      if (!(e instanceof CgroupFileError) || e.errno !== "EINVAL" || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 30));
    }
  }
}

/** Throws a user-facing error when a limit needs a controller that none of `controllers` serves. */
export function assertControllersServe(limits: CgroupLimits, controllers: readonly ControllerDir[]): void {
  const missing = controllersForLimits(limits).filter((c) => !controllers.some((d) => d.controller === c));
  if (missing.length > 0) {
    throw new NsbookError(
      "cgroup",
      `no usable cgroup serves the ${missing.join(", ")} controller${missing.length > 1 ? "s" : ""} here, so those limits cannot be applied (\`nsbook doctor\` shows why)`,
    );
  }
}
