// The shell step that mounts a container's overlay, run inside the container's new mount namespace.
import { type OverlaySpec, overlayMountData } from "./overlay-spec.js";

/**
 * Run by the host's /bin/sh in stage 1 (the new user/mount/uts namespaces, before the pid namespace), as
 * `/bin/sh -c <this> nsbook-overlay DATA MERGED STAGE1...`: $1 the mount data
 * (`lowerdir=...,upperdir=...,workdir=...`), $2 the directory to mount the union on, then the rest of stage 1,
 * exec'd in the same process with MERGED as its root. Like every nsbook script it is a constant: the paths reach
 * it only as positional parameters.
 *
 * The mount is made in the container's own mount namespace (private propagation), so the host never sees it:
 * when the container's last process ends, the namespace and the mount go with it, even after a crash. What
 * outlives the container is only directories (upper and work), which its resource registry removes.
 */
export const OVERLAY_SCRIPT = [
  "data=$1 merged=$2",
  "shift 2",
  'mount -t overlay nsbook-overlay -o "$data" "$merged" || exit 125',
  'exec "$@"',
].join("\n");

/** argv[0] of the overlay shell. */
export const OVERLAY_MARKER = "nsbook-overlay";

/** The mount source shown in mountinfo for every nsbook overlay (so a leak check can find one by name). */
export const OVERLAY_SOURCE = "nsbook-overlay";

/**
 * The argv that mounts `overlay` and then execs the rest of stage 1 (append it): empty without an overlay. Pure.
 */
export function overlayMountArgv(overlay: OverlaySpec | undefined): string[] {
  if (!overlay) return [];
  return ["/bin/sh", "-c", OVERLAY_SCRIPT, OVERLAY_MARKER, overlayMountData(overlay), overlay.mergedDir];
}
