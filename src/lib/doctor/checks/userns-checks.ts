// The sysctls that restrict unprivileged user namespaces.
import type { DoctorCheck } from "../types.js";
import { check } from "./check.js";
import type { CheckContext } from "./context.js";
import { bilingual } from "./japanese.js";

const TITLES = {
  "userns.apparmor": {
    en: "AppArmor userns restriction (Ubuntu)",
    ja: "AppArmor によるユーザー名前空間の制限（Ubuntu）",
  },
  "userns.clone": { en: "unprivileged_userns_clone (Debian)", ja: "unprivileged_userns_clone（Debian）" },
  "userns.max": "max_user_namespaces",
} as const;

/** userns.apparmor, userns.clone, userns.max: info when absent, ok when not restricting, warn when restricting. */
export function usernsChecks({ privilege }: CheckContext): DoctorCheck[] {
  return privilege.restrictions.map((r) =>
    check(
      r.id,
      "userns",
      TITLES[r.id],
      r.active ? "warn" : r.value === undefined ? "info" : "ok",
      bilingual(r.detail),
      r.fix === undefined ? undefined : bilingual(r.fix),
    ),
  );
}
