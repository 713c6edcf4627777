// From "the caller's cgroup" (as /proc/self/cgroup names it) to a directory on the host.
import { posix } from "node:path";

/**
 * The caller's cgroup path relative to what a mount shows. /proc/self/cgroup paths are relative to the
 * caller's cgroup namespace root, and so is a mount's root field in mountinfo: a container's bind mount of
 * "/docker/abc" holding a caller in "/docker/abc/app" gives "/app". Undefined when the caller's cgroup is not
 * inside the mounted subtree (then the kernel may show it as "/../.." and no directory reaches it).
 */
export function pathWithinMount(callerPath: string, mountRoot: string): string | undefined {
  if (callerPath.split("/").includes("..")) return undefined;
  if (mountRoot === "/" || mountRoot === "") return callerPath || "/";
  if (callerPath === mountRoot) return "/";
  if (callerPath.startsWith(`${mountRoot}/`)) return callerPath.slice(mountRoot.length);
  return undefined;
}

/** The directory of a cgroup given its mount point and its path within the mount. */
export function cgroupDirOf(mountPoint: string, pathInMount: string): string {
  return pathInMount === "/" ? mountPoint : posix.join(mountPoint, pathInMount);
}
