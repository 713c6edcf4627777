// What making a root filesystem did, the same shape for busybox, Alpine and imports.
import type { RootfsMarker } from "./rootfs-marker.js";

/** What building (or keeping) a root filesystem did. */
export interface RootfsBuildResult {
  name: string;
  /** Absolute directory of the rootfs. */
  dir: string;
  /** "created": there was none; "replaced": an old one was rebuilt; "up-to-date": nothing was done. */
  status: "created" | "replaced" | "up-to-date";
  /** One line saying why, e.g. "the host's busybox changed". */
  detail: string;
  marker: RootfsMarker;
  /** Things worth telling the user, one line each (a cached tarball used, device nodes skipped, ...). */
  notes: string[];
  /** Wall time of the whole call, in milliseconds. */
  durationMs: number;
}
