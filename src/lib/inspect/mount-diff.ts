// Host vs container mount tables: what exists only inside, only on the host, and in both.
import type { MountInfoEntry, Propagation } from "../proc/mountinfo.js";

/** One mount point of a comparison, ready to be a table row. */
export interface MountRow {
  mountPoint: string;
  fsType: string;
  source: string;
  /** "inside": only in the container's table; "host": only in the host's; "both": a copy in each. */
  where: "inside" | "host" | "both";
  /** Propagation of the host's mount (absent when only inside). */
  hostPropagation?: Propagation;
  /** Propagation of the container's mount (absent when only on the host). */
  containerPropagation?: Propagation;
}

/** The result of {@link diffMounts}. */
export interface MountDiff {
  /** Mounts the container has and the host does not: made inside (its /proc, its root...). */
  onlyInside: MountInfoEntry[];
  /** Mounts the host has and the container does not: made after the copy, or not visible from its root. */
  onlyOnHost: MountInfoEntry[];
  /** Mounts present on both sides (the copies made when the mount namespace was created). */
  inBoth: { host: MountInfoEntry; container: MountInfoEntry }[];
  /** Every mount once, in the container's order then the host-only ones. */
  rows: MountRow[];
}

/**
 * Identity of a mount across two mount namespaces. Mount IDs differ between namespaces (copies get new
 * ones), so a copy is recognised by what it mounts: device, root within the filesystem, mount point, type
 * and source. A new proc or tmpfs made inside has a new device number, so it never matches the host's,
 * even at the same mount point.
 */
function mountKey(m: MountInfoEntry): string {
  return JSON.stringify([m.device, m.root, m.mountPoint, m.fsType, m.source]);
}

/** Compares two mount tables (pure); a key present several times is matched copy for copy, in order. */
export function diffMounts(host: readonly MountInfoEntry[], container: readonly MountInfoEntry[]): MountDiff {
  const unmatched = new Map<string, MountInfoEntry[]>();
  for (const m of host) {
    const list = unmatched.get(mountKey(m)) ?? [];
    list.push(m);
    unmatched.set(mountKey(m), list);
  }
  const onlyInside: MountInfoEntry[] = [];
  const inBoth: MountDiff["inBoth"] = [];
  const rows: MountRow[] = [];
  for (const c of container) {
    const h = unmatched.get(mountKey(c))?.shift();
    const base = { mountPoint: c.mountPoint, fsType: c.fsType, source: c.source };
    if (h) {
      inBoth.push({ host: h, container: c });
      rows.push({
        ...base,
        where: "both",
        hostPropagation: h.propagation,
        containerPropagation: c.propagation,
      });
    } else {
      onlyInside.push(c);
      rows.push({ ...base, where: "inside", containerPropagation: c.propagation });
    }
  }
  const onlyOnHost = host.filter((h) => unmatched.get(mountKey(h))?.includes(h));
  for (const h of onlyOnHost) {
    rows.push({
      mountPoint: h.mountPoint,
      fsType: h.fsType,
      source: h.source,
      where: "host",
      hostPropagation: h.propagation,
    });
  }
  return { onlyInside, onlyOnHost, inBoth, rows };
}
