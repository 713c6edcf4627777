// Parser for /proc/PID/mountinfo (proc(5)): one entry per mount, with its propagation.

/** How mount events propagate to and from this mount (from the optional fields). */
export type Propagation = "shared" | "slave" | "shared+slave" | "private" | "unbindable";

/** One line of /proc/PID/mountinfo. */
export interface MountInfoEntry {
  mountId: number;
  parentId: number;
  /** "major:minor" of the device. */
  device: string;
  /** Root of the mount within its filesystem. */
  root: string;
  /** Where it is mounted, relative to the reading process's root. */
  mountPoint: string;
  /** Per-mount options, e.g. ["rw", "nosuid"]. */
  mountOptions: string[];
  /** Optional fields, e.g. ["shared:1"]. */
  optionalFields: string[];
  propagation: Propagation;
  /** Peer group id when shared. */
  sharedGroup?: number;
  /** Master peer group id when slave. */
  masterGroup?: number;
  fsType: string;
  source: string;
  /** Per-superblock options, e.g. ["rw", "memory"] for a v1 memory cgroup mount. */
  superOptions: string[];
}

// Spaces, tabs, newlines and backslashes in paths are written as octal escapes (\040 etc.).
function unescapeOctal(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(Number.parseInt(o, 8)));
}

function propagationOf(
  fields: readonly string[],
): Pick<MountInfoEntry, "propagation" | "sharedGroup" | "masterGroup"> {
  const shared = fields.find((f) => f.startsWith("shared:"));
  const master = fields.find((f) => f.startsWith("master:"));
  const sharedGroup = shared ? Number(shared.slice(7)) : undefined;
  const masterGroup = master ? Number(master.slice(7)) : undefined;
  if (shared && master) return { propagation: "shared+slave", sharedGroup, masterGroup };
  if (shared) return { propagation: "shared", sharedGroup };
  if (master) return { propagation: "slave", masterGroup };
  if (fields.includes("unbindable")) return { propagation: "unbindable" };
  return { propagation: "private" };
}

/** Parses one mountinfo line; throws a SyntaxError naming the line when it is malformed. */
export function parseMountInfoLine(line: string): MountInfoEntry {
  const parts = line.trim().split(" ");
  const sep = parts.indexOf("-", 6);
  if (parts.length < 10 || sep < 6 || parts.length < sep + 3) {
    throw new SyntaxError(`not a mountinfo line: ${JSON.stringify(line)}`);
  }
  const optionalFields = parts.slice(6, sep);
  return {
    mountId: Number(parts[0]),
    parentId: Number(parts[1]),
    device: parts[2] ?? "",
    root: unescapeOctal(parts[3] ?? ""),
    mountPoint: unescapeOctal(parts[4] ?? ""),
    mountOptions: (parts[5] ?? "").split(","),
    optionalFields,
    ...propagationOf(optionalFields),
    fsType: parts[sep + 1] ?? "",
    source: unescapeOctal(parts[sep + 2] ?? ""),
    superOptions: (parts[sep + 3] ?? "").split(",").filter(Boolean),
  };
}

/** Parses the whole text of /proc/PID/mountinfo. */
export function parseMountInfo(text: string): MountInfoEntry[] {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map(parseMountInfoLine);
}
