// Turns a tarball on disk into a named root filesystem: check every member, extract into a staging folder,
// mark it, rename it into place.
import { join } from "node:path";
import { looksLikeRootfs } from "./looks-like-rootfs.js";
import { RootfsError } from "./rootfs-error.js";
import { type RootfsMarker, writeRootfsMarker } from "./rootfs-marker.js";
import { installRootfsAtomically } from "./staging.js";
import { displayName, extractTarball, inspectTarball } from "./tar/index.js";

/** Options for {@link installRootfsFromTarball}. */
export interface InstallTarballOptions {
  /** Rootfs name (already validated). */
  name: string;
  /** Path of the .tar or .tar.gz. */
  tarball: string;
  /** What to record in /etc/nsbook-rootfs (the time is added). */
  marker: Omit<RootfsMarker, "created">;
  /** Replace a rootfs of the same name. @default false */
  replace?: boolean;
  /**
   * What to do with device nodes and fifos in the archive: "skip" them (noted in the result) or "refuse" the
   * archive. A rootfs needs neither: the container engine provides /dev. WARNING: nsbook never creates them.
   * @default "skip"
   */
  specialFiles?: "skip" | "refuse";
  /** Aborting stops reading or kills tar; nothing is kept. */
  signal?: AbortSignal;
}

/** Where the rootfs landed, what its marker says, and notes for the user. */
export interface InstalledTarball {
  dir: string;
  marker: RootfsMarker;
  notes: string[];
}

/** How many refused members an error lists before "and N more". */
const LISTED = 8;

/**
 * Checks `tarball` member by member ({@link inspectTarball}), refuses it when any member would land outside
 * the target, extracts it with the host's tar into a staging folder next to `rootfsDir(name)`, writes the
 * marker and renames the folder into place. On any failure nothing is left behind.
 */
export async function installRootfsFromTarball(options: InstallTarballOptions): Promise<InstalledTarball> {
  const inspection = await inspectTarball(options.tarball, { signal: options.signal });
  const { problems, special } = inspection.report;
  if (problems.length > 0) {
    const lines = problems.slice(0, LISTED).map((p) => `  - ${p.entry} ${p.reason}`);
    if (problems.length > LISTED) lines.push(`  - and ${problems.length - LISTED} more`);
    throw new RootfsError(
      `refusing to extract ${options.tarball}: ${problems.length} member${problems.length === 1 ? "" : "s"} ` +
        `could write outside the root filesystem or cannot be extracted safely:\n${lines.join("\n")}\n` +
        "Nothing was extracted. Use a trusted root filesystem tarball (such as Alpine's minirootfs).",
    );
  }
  if (special.length > 0 && options.specialFiles === "refuse") {
    throw new RootfsError(
      `refusing to extract ${options.tarball}: it holds ${special.length} device node(s) or fifo(s), e.g. ` +
        `${displayName(special[0]?.name ?? "")}. Nothing was extracted.`,
    );
  }
  const notes = special.map(
    (e) =>
      `skipped the ${e.type === "fifo" ? "fifo" : `${e.type} device`} ${displayName(e.name)}: the container engine provides /dev`,
  );
  const marker: RootfsMarker = { ...options.marker, created: new Date().toISOString() };
  let markerWritten = true;
  const dir = await installRootfsAtomically(
    options.name,
    async (staging) => {
      await extractTarball(inspection, staging, special, { signal: options.signal });
      markerWritten = await writeRootfsMarker(staging, marker);
      if (!(await looksLikeRootfs(staging))) {
        notes.push(
          `${options.tarball} has no /bin/sh nor /bin/busybox: containers need a command given explicitly`,
        );
      }
    },
    { replace: options.replace },
  );
  if (!markerWritten) {
    notes.push(`its /etc is not a directory, so nsbook could not mark it (${join(dir, "etc")})`);
  }
  return { dir, marker, notes };
}
