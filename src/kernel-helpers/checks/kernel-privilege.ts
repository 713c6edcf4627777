// The first thing a course notebook does: make sure the Jupyter kernel can run the step at all, and if it
// cannot, say why and what to do before any cell creates anything - never a stack trace halfway through.

import { resolve } from "node:path";
import { inspect } from "node:util";
import { showHtml } from "../display/index.js";
import { type Localized, localize } from "../i18n/index.js";
import { inlineCodeHtml } from "../render/index.js";

/** Thrown to stop "Run all" at a notebook's first cell: its text is all the learner sees (no stack). */
export class NotebookStopped extends Error {
  override readonly name = "NotebookStopped";
  readonly userFacing = true;

  /** tslab prints a failed cell's error with console.error: show the message, not a stack. */
  [inspect.custom](): string {
    return this.message;
  }
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
  const message = localize(text);
  showHtml(
    `<div style="border-left:4px solid #c0392b;padding:6px 10px;white-space:pre-wrap">${inlineCodeHtml(message)}</div>`,
  );
  throw new NotebookStopped(
    localize({
      en: "stopped here: this notebook needs a root kernel (see above)",
      ja: "ここで止めました：このノートブックには root のカーネルが必要です（上の説明を参照）",
    }),
  );
}
