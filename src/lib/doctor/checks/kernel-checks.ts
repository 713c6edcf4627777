// The kernel release and what it is too old for.
import type { DoctorCheck } from "../types.js";
import { versionAtLeast } from "../version.js";
import { check } from "./check.js";
import type { CheckContext } from "./context.js";

/** kernel.release: ok from 5.11 (overlayfs in user namespaces), a warning below. */
export function kernelChecks({ facts }: CheckContext): DoctorCheck[] {
  const release = facts.kernelRelease;
  if (versionAtLeast(release, "5.11"))
    return [check("kernel.release", "kernel", "Kernel", "ok", `Linux ${release}`)];
  return [
    check(
      "kernel.release",
      "kernel",
      "Kernel",
      "warn",
      `Linux ${release}: older than 5.11, so overlayfs inside a user namespace (rootless step 10) will not work`,
      "use a newer kernel (Debian 12 and Ubuntu 22.04+ ship one), or run nsbook as root",
    ),
  ];
}
