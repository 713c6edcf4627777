// The default root filesystem every step chroots into.
import type { DoctorCheck } from "../types.js";
import { check } from "./check.js";
import type { CheckContext } from "./context.js";

const TITLE = { en: "Default root filesystem", ja: "既定のルートファイルシステム" };

/** rootfs.default: present when it has bin/busybox or bin/sh. */
export function rootfsChecks({ facts }: CheckContext): DoctorCheck[] {
  const { dir, hasBusybox, hasSh } = facts.rootfs;
  if (hasBusybox || hasSh) {
    return [
      check("rootfs.default", "rootfs", TITLE, "ok", {
        en: `${dir} (has ${hasBusybox ? "bin/busybox" : "bin/sh"})`,
        ja: `${dir}（${hasBusybox ? "bin/busybox" : "bin/sh"} がある）`,
      }),
    ];
  }
  return [
    check(
      "rootfs.default",
      "rootfs",
      TITLE,
      "fail",
      { en: `${dir} has neither bin/busybox nor bin/sh`, ja: `${dir} には bin/busybox も bin/sh もない` },
      {
        en: "`nsbook rootfs default` (builds it offline from the host's static busybox)",
        ja: "`nsbook rootfs default`（ホストの静的リンクの busybox からオフラインで作る）",
      },
    ),
  ];
}
