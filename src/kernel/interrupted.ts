// What a learner reads when they press Interrupt. tslab prints its own error object, stack trace and all
// ("Error: Interrupted asynchronously at createExecutor (.../tslab/dist/executor.js...)"), in red, which reads
// as if the kernel broke. It did not: tslab stopped waiting for the cell, and the SIGINT also reached the
// host commands the cell was running (they share the kernel's process group).
import type { Lang } from "../kernel-helpers/i18n/index.js";

/** tslab 1.0's error for a cell interrupted while it awaited something (dist/executor.js). */
const TSLAB_INTERRUPTED = "Interrupted asynchronously";
/** Node's error for synchronous code stopped by SIGINT (vm's breakOnSigint). */
const NODE_INTERRUPTED = "ERR_SCRIPT_EXECUTION_INTERRUPTED";

/** How soon after a SIGINT a host command's death by SIGINT counts as the learner's interrupt (ms). */
export const INTERRUPT_WINDOW_MS = 3000;

/**
 * Whether `error` (what tslab is about to print for a failed cell) is the learner's interrupt: tslab's or Node's
 * interrupt error, or a host command killed by SIGINT within {@link INTERRUPT_WINDOW_MS} of one.
 */
export function isInterrupt(error: unknown, msSinceSigint: number): boolean {
  if (!(error instanceof Error)) return false;
  if (error.message === TSLAB_INTERRUPTED) return true;
  if ((error as { code?: unknown }).code === NODE_INTERRUPTED) return true;
  const signal = (error as { signal?: unknown }).signal;
  return signal === "SIGINT" && msSinceSigint <= INTERRUPT_WINDOW_MS;
}

/** The one line shown instead. */
export function interruptedMessage(lang: Lang): string {
  return lang === "ja"
    ? "中断しました — カーネルはこのセルを待つのをやめ、セルが動かしていたコマンドに Ctrl-C を送りました。カーネルは無事です：次のセルに進むか、このセルをもう一度実行してください。"
    : "Interrupted — the kernel stopped waiting for this cell and sent Ctrl-C to the commands it was running. The kernel is fine: go on with the next cell, or run this one again.";
}
