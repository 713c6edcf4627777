// busybox ping: the argv that sends one echo request, and what its output says. Pure.

/** `ping -c 1 -W 1 ADDRESS`: one echo request, give up after 1 s. */
export function pingArgv(address: string, timeoutS = 1): string[] {
  return ["ping", "-c", "1", "-W", String(timeoutS), address];
}

/** What one ping run said. */
export interface PingResult {
  transmitted: number;
  received: number;
  /** Round-trip time of the (first) reply, in ms; undefined without a reply. */
  rttMs?: number;
}

/**
 * Parses busybox's (or iputils') ping output: "1 packets transmitted, 1 packets received" and
 * "time=0.071 ms". Counts are 0 when the summary is missing.
 */
export function parsePingOutput(text: string): PingResult {
  const summary = /(\d+) packets transmitted, (\d+) (?:packets )?received/.exec(text);
  const time = /time=([0-9.]+) ms/.exec(text);
  return {
    transmitted: summary ? Number(summary[1]) : 0,
    received: summary ? Number(summary[2]) : 0,
    ...(time ? { rttMs: Number(time[1]) } : {}),
  };
}
