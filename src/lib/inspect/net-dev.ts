// Parser and reader for /proc/PID/net/dev: per-interface traffic counters (step 5's `cat /proc/net/dev`).
import { type ProcessRef, validateProcessRef } from "./process-ref.js";
import { readProcText } from "./read-proc-file.js";

/** Receive counters of one interface. */
export interface ReceiveCounters {
  bytes: number;
  packets: number;
  errors: number;
  dropped: number;
  fifo: number;
  frame: number;
  compressed: number;
  multicast: number;
}

/** Transmit counters of one interface. */
export interface TransmitCounters {
  bytes: number;
  packets: number;
  errors: number;
  dropped: number;
  fifo: number;
  collisions: number;
  carrier: number;
  compressed: number;
}

/** One line of /proc/net/dev. Counters are 64-bit in the kernel; above 2^53 they lose precision here. */
export interface NetDevEntry {
  interface: string;
  receive: ReceiveCounters;
  transmit: TransmitCounters;
}

/** Parses /proc/net/dev (two header lines, then "name: 16 counters"); throws a SyntaxError on a bad line. */
export function parseProcNetDev(text: string): NetDevEntry[] {
  return text
    .split("\n")
    .slice(2)
    .filter((l) => l.trim() !== "")
    .map((line) => {
      const colon = line.lastIndexOf(":");
      const n = line
        .slice(colon + 1)
        .trim()
        .split(/\s+/)
        .map(Number);
      if (colon < 0 || n.length !== 16 || n.some((x) => !Number.isFinite(x))) {
        throw new SyntaxError(`not a /proc/net/dev line: ${JSON.stringify(line)}`);
      }
      const at = (i: number): number => n[i] ?? 0;
      return {
        interface: line.slice(0, colon).trim(),
        receive: {
          bytes: at(0),
          packets: at(1),
          errors: at(2),
          dropped: at(3),
          fifo: at(4),
          frame: at(5),
          compressed: at(6),
          multicast: at(7),
        },
        transmit: {
          bytes: at(8),
          packets: at(9),
          errors: at(10),
          dropped: at(11),
          fifo: at(12),
          collisions: at(13),
          carrier: at(14),
          compressed: at(15),
        },
      };
    });
}

/**
 * The traffic counters of process `pid`'s network namespace. /proc/PID/net is per process (it shows the
 * namespace of that process, unlike /proc/sys), so no nsenter is needed: this works for a container's
 * init host PID as it is.
 */
export async function readNetDev(pid: ProcessRef): Promise<NetDevEntry[]> {
  validateProcessRef(pid, "pid");
  return parseProcNetDev(await readProcText(pid, "net/dev"));
}
