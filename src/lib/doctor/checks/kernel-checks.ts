// The kernel release and what it is too old for.
import type { DoctorCheck } from "../types.js";
import { versionAtLeast } from "../version.js";
import { check } from "./check.js";
import type { CheckContext } from "./context.js";

/** kernel.release: ok from 5.11 (overlayfs in user namespaces), a warning below. */
export function kernelChecks({ facts }: CheckContext): DoctorCheck[] {
  const release = facts.kernelRelease;
  if (versionAtLeast(release, "5.11"))
    return [check("kernel.release", "kernel", { en: "Kernel", ja: "カーネル" }, "ok", `Linux ${release}`)];
  return [
    check(
      "kernel.release",
      "kernel",
      { en: "Kernel", ja: "カーネル" },
      "warn",
      {
        en: `Linux ${release}: older than 5.11, so overlayfs inside a user namespace (rootless step 10) will not work`,
        ja: `Linux ${release}：5.11 より古いので、ユーザー名前空間の中の overlayfs（rootless のステップ 10）は動かない`,
      },
      {
        en: "use a newer kernel (Debian 12 and Ubuntu 22.04+ ship one), or run nsbook as root",
        ja: "新しいカーネルを使う（Debian 12 や Ubuntu 22.04 以降のもの）か、nsbook を root で実行する",
      },
    ),
  ];
}
