// Jupyter's kernel start-up race, and the one extra try it earns. Shared by `nsbook handouts` and the
// notebook tests (test/notebooks/support/jupyter.ts), so both recognise the same failure the same way.

/**
 * The kernel never came up. jupyter_client picks free ports, writes them into the connection file and only
 * then starts the kernel, which binds them; another process can take one of those ports in between, so
 * zeromq fails the bind and tslab dies before it answers. jupyter_client then raises one of these two
 * messages (which one depends on whether it noticed the death or waited out the start-up timeout). That is
 * Jupyter's failure, not the notebook's: no cell has run yet.
 */
export const KERNEL_START_FAILED =
  /Kernel didn't respond in \d+ seconds|Kernel died before replying to kernel_info/;

/** The log (or error message) of a run that failed because the kernel did not start. Pure. */
export function isKernelStartFailure(log: string): boolean {
  return KERNEL_START_FAILED.test(log);
}

/**
 * Runs `attempt`, and runs it exactly once more when its first run failed because the kernel did not start
 * (see {@link KERNEL_START_FAILED}); any other failure, or a second start failure, is returned (or thrown) as
 * it is. A failure is a rejection (its message is the log) or a result for which `failureLog` returns the log;
 * `failureLog` returns undefined for a result that is a success. `onRetry` is told the first failure's log
 * before the second try, so the retry is never silent.
 */
export async function retryIfKernelDidNotStart<T>(
  attempt: () => Promise<T>,
  failureLog: (result: T) => string | undefined,
  onRetry: (firstFailure: string) => void,
): Promise<T> {
  let first: T;
  try {
    first = await attempt();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (!isKernelStartFailure(message)) throw e;
    onRetry(message);
    return attempt();
  }
  const log = failureLog(first);
  if (log === undefined || !isKernelStartFailure(log)) return first;
  onRetry(log);
  return attempt();
}
