// The privilege mode, and what it cannot do.

import { type PrivilegeReport, stepsUnavailableIn } from "../../privilege/index.js";
import type { DoctorCheck } from "../types.js";
import { check } from "./check.js";
import type { CheckContext } from "./context.js";
import { bilingual } from "./japanese.js";

/** privilege.kernel: who the course's Jupyter kernel runs as (bin/nsbook-kernel makes the same choice). */
function kernelCheck(privilege: PrivilegeReport): DoctorCheck {
  const title = { en: "Jupyter kernel", ja: "Jupyter カーネル" };
  if (privilege.uid === 0) {
    const user = privilege.sudoUser;
    const via =
      privilege.rootVia === "course-rule"
        ? {
            en: ` through the course's sudo rule for ${user ?? "you"}: this report is what that kernel can do`,
            ja: `（${user ? `${user} のための` : ""}コースの sudo ルールを通して）。このレポートは、そのカーネルにできることです`,
          }
        : privilege.rootVia === "sudo"
          ? {
              en: ` through sudo, which asks ${user ?? "you"} no password: this report is what that kernel can do`,
              ja: `（${user ? `${user} に` : ""}パスワードを尋ねない sudo を通して）。このレポートは、そのカーネルにできることです`,
            }
          : { en: "", ja: "" };
    return check("privilege.kernel", "privilege", title, "ok", {
      en: `runs as root${via.en}`,
      ja: `root で動いている${via.ja}`,
    });
  }
  return check(
    "privilege.kernel",
    "privilege",
    title,
    "warn",
    {
      en: `runs as you (uid ${privilege.uid}), rootless: the course's sudo rule is not installed and sudo asks for a password, which Jupyter cannot type; notebooks 01-11 need root and stop at their first cell`,
      ja: `自分のユーザー（uid ${privilege.uid}）として rootless で動いている。コースの sudo ルールがなく、sudo はパスワードを尋ねるが、Jupyter はそれを入力できない。ノートブック 01〜11 は root が必要なので、最初のセルで止まる`,
    },
    {
      en: "in the checkout: `./setup.sh --kernel-root=yes` (it says what it grants; sudo asks your password once), then restart the kernel",
      ja: "プロジェクトのディレクトリで `./setup.sh --kernel-root=yes` を実行し（何を許可するかを先に表示し、sudo がパスワードを一度だけ尋ねます）、カーネルを再起動する",
    },
  );
}

/** privilege.mode: ok for root and sudo, warn for rootless (some steps), fail for none. */
export function privilegeChecks({ privilege }: CheckContext): DoctorCheck[] {
  const limits = stepsUnavailableIn(privilege.mode);
  const steps = limits.map((l) => l.step).join(", ");
  const cannot =
    privilege.mode === "rootless"
      ? {
          en: `; cannot run step${limits.length > 1 ? "s" : ""} ${steps}`,
          ja: `。ステップ ${steps} は実行できない`,
        }
      : { en: "", ja: "" };
  const status: DoctorCheck["status"] =
    privilege.mode === "none" || (privilege.uid === 0 && privilege.hasSysAdmin === false)
      ? "fail"
      : privilege.mode === "rootless"
        ? "warn"
        : "ok";
  return [
    kernelCheck(privilege),
    check(
      "privilege.mode",
      "privilege",
      { en: "Privilege mode", ja: "権限のモード" },
      status,
      { en: `${privilege.detail}${cannot.en}`, ja: `${bilingual(privilege.detail).ja}${cannot.ja}` },
      privilege.fix === undefined ? undefined : bilingual(privilege.fix),
    ),
  ];
}
