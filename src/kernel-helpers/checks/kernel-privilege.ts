// The first thing a course notebook does: make sure the Jupyter kernel can run the step at all, and if it
// cannot, say why and what to do before any cell creates anything - never a stack trace halfway through.

import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { NsbookError, probeUnprivilegedUserns, usernsRestrictionsOf } from "../../lib/index.js";
import { showHtml } from "../display/index.js";
import { type Localized, localize } from "../i18n/index.js";
import { calloutHtml, inlineCodeHtml } from "../render/index.js";

/**
 * Shows `explanation` (why, and what to do) as a red box and stops "Run all" here with the one line `stopped`:
 * the learner sees no stack trace, and the notebook has created nothing yet.
 */
function stopNotebook(explanation: Localized, stopped: Localized): never {
  showHtml(calloutHtml("fail", inlineCodeHtml(localize(explanation)), { preWrap: true }));
  throw new NotebookStopped(localize(stopped));
}

/** Thrown to stop "Run all" at a notebook's first cell: its text is all the learner sees (no stack). */
export class NotebookStopped extends NsbookError {
  override readonly name: string = "NotebookStopped";
  constructor(message: string) {
    super("notebook-stopped", message);
  }
}

async function sysctl(path: string): Promise<string | undefined> {
  return readFile(path, "utf8").then(
    (t) => t.trim(),
    () => undefined,
  );
}

/**
 * Stops the notebook of course step `step` here, with the reason and the fix, when an unprivileged process cannot
 * create a user namespace and map itself to root in it - what every `--userns` container of the step does. The
 * reason is the distribution's restriction that is active (Ubuntu 24.04's AppArmor sysctl, Debian's switch,
 * `user.max_user_namespaces=0`), with its exact fix, or the error itself.
 */
export async function requireUserNamespaces(step: number): Promise<void> {
  const tried = await probeUnprivilegedUserns();
  if (tried.ok) return;
  const active = usernsRestrictionsOf({
    apparmorRestrictUnprivilegedUserns: await sysctl(
      "/proc/sys/kernel/apparmor_restrict_unprivileged_userns",
    ),
    unprivilegedUsernsClone: await sysctl("/proc/sys/kernel/unprivileged_userns_clone"),
    maxUserNamespaces: await sysctl("/proc/sys/user/max_user_namespaces"),
  }).filter((r) => r.active);
  const why =
    active.length > 0 ? active.map((r) => r.detail).join("; ") : `\`${tried.command}\`: ${tried.stderr}`;
  const fix = active.length > 0 ? active.map((r) => r.fix).join("; ") : "run `nsbook doctor` for the details";
  const n = String(step).padStart(2, "0");
  stopNotebook(
    {
      en: [
        `This notebook (step ${n}) needs user namespaces, and this machine refuses them to unprivileged processes:`,
        `  ${why}.`,
        "Nothing was created. To run it:",
        `  ${fix}`,
        "then run this notebook again from the top. (Docker's and Podman's rootless modes need the same.)",
      ].join("\n"),
      ja: [
        `このノートブック（ステップ ${n}）にはユーザー名前空間が必要ですが、このマシンは特権のないプロセスにそれを許していません：`,
        `  ${why}。`,
        "まだ何も作っていません。実行するには：",
        `  ${fix}`,
        "そのあと、このノートブックを最初から実行し直してください（Docker や Podman の rootless モードにも同じことが必要です）。",
      ].join("\n"),
    },
    {
      en: "stopped here: user namespaces are refused on this machine (see above)",
      ja: "ここで止めました：このマシンではユーザー名前空間が拒否されています（上の説明を参照）",
    },
  );
}

/** The checkout this build belongs to (dist/kernel-helpers/checks -> the project root). */
const CHECKOUT = resolve(__dirname, "..", "..", "..");

/** Why the kernel runs as the learner, as bin/nsbook-kernel recorded it. */
function rootlessWhy(): Localized {
  const why = process.env.NSBOOK_KERNEL_ROOTLESS_WHY;
  if (why) return why;
  return {
    en: 'it was not started by the course\'s kernel launcher (bin/nsbook-kernel): choose the kernel "nsbook (TypeScript)"',
    ja: "コースのカーネル起動スクリプト（bin/nsbook-kernel）から起動されていません。カーネル「nsbook (TypeScript)」を選んでください",
  };
}

/**
 * Stops the notebook of course step `step` here, with the reason and the fix, unless the Jupyter kernel runs as
 * root. Every step from 01 on creates namespaces, mounts or cgroups with the original course's root commands
 * (`unshare`, `chroot`, `mount`, cgroupfs), as `sudo ./stepN.sh` did; a rootless kernel can run 00 only.
 */
export function requireRootKernel(step: number): void {
  if (process.getuid?.() === 0) return;
  const uid = process.getuid?.() ?? -1;
  const user = process.env.USER ?? process.env.LOGNAME ?? `uid ${uid}`;
  const why = localize(rootlessWhy());
  const text: Localized = {
    en: [
      `This notebook (step ${String(step).padStart(2, "0")}) needs root, and this Jupyter kernel runs as ${user} (uid ${uid}): ${why}.`,
      "Nothing was created. To run it as the course intends:",
      `  1. in a terminal: \`cd ${CHECKOUT} && ./setup.sh --kernel-root=yes\` (it says what it grants; sudo asks your password once)`,
      "  2. here: Kernel → Restart Kernel, then run this notebook again from the top.",
      `Or run the step from a terminal: \`sudo nsbook step ${step}\`. \`nsbook doctor\` shows what this machine can run.`,
    ].join("\n"),
    ja: [
      `このノートブック（ステップ ${String(step).padStart(2, "0")}）には root が必要ですが、この Jupyter カーネルは ${user}（uid ${uid}）として動いています。理由：${why}。`,
      "まだ何も作っていません。コースの想定どおりに実行するには：",
      `  1. 端末で \`cd ${CHECKOUT} && ./setup.sh --kernel-root=yes\` を実行します（何を許可するかを表示し、sudo がパスワードを一度だけ尋ねます）`,
      "  2. ここで「Kernel → Restart Kernel」を選び、このノートブックを最初から実行し直します。",
      `端末からステップを実行することもできます：\`sudo nsbook step ${step}\`。このマシンで何が動くかは \`nsbook doctor\` で確かめられます。`,
    ].join("\n"),
  };
  stopNotebook(text, {
    en: "stopped here: this notebook needs a root kernel (see above)",
    ja: "ここで止めました：このノートブックには root のカーネルが必要です（上の説明を参照）",
  });
}
