// The default root filesystem every step chroots into.
import type { DoctorCheck } from "../types.js";
import { check } from "./check.js";
import type { CheckContext } from "./context.js";

/** rootfs.default: present when it has bin/busybox or bin/sh. */
export function rootfsChecks({ facts }: CheckContext): DoctorCheck[] {
  const { dir, hasBusybox, hasSh } = facts.rootfs;
  if (hasBusybox || hasSh) {
    return [
      check(
        "rootfs.default",
        "rootfs",
        "Default root filesystem",
        "ok",
        `${dir} (has ${hasBusybox ? "bin/busybox" : "bin/sh"})`,
      ),
    ];
  }
  return [
    check(
      "rootfs.default",
      "rootfs",
      "Default root filesystem",
      "fail",
      `${dir} has neither bin/busybox nor bin/sh`,
      "`nsbook rootfs default` (builds it offline from the host's static busybox)",
    ),
  ];
}
