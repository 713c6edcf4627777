// What is already at a rootfs's place, to decide between "up to date", "replace" and "refuse".
import { lstat } from "node:fs/promises";
import { type RootfsMarker, readRootfsMarker } from "./rootfs-marker.js";

/** What occupies `dir`: nothing, or a folder with (or without) nsbook's marker. */
export interface ExistingRootfs {
  present: boolean;
  marker?: RootfsMarker;
}

/** Looks at `dir` without following symlinks out of it. */
export async function existingRootfs(dir: string): Promise<ExistingRootfs> {
  const present = await lstat(dir).then(
    () => true,
    () => false,
  );
  return present ? { present, marker: await readRootfsMarker(dir) } : { present };
}

/** A short description of an existing rootfs for messages, e.g. "alpine 3.20.3 x86_64". */
export function describeMarker(marker: RootfsMarker | undefined): string {
  if (!marker) return "not made by nsbook";
  if (marker.kind === "alpine") return `alpine ${marker.alpineVersion ?? "?"} ${marker.arch ?? ""}`.trim();
  if (marker.kind === "busybox") return `busybox ${marker.busyboxVersion ?? ""}`.trim();
  return `imported from ${marker.source ?? "?"}`;
}
