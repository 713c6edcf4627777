// Parser for /proc/PID/cgroup (cgroups(7)): which cgroup a process is in, per hierarchy.

/** One line of /proc/PID/cgroup: "hierarchy-ID:controller-list:cgroup-path". */
export interface ProcCgroupEntry {
  hierarchyId: number;
  /** v1 controllers of this hierarchy (e.g. ["cpu", "cpuacct"]); empty for the v2 line "0::/..."
   * and for named hierarchies without controllers. */
  controllers: string[];
  /** Named v1 hierarchy, e.g. "systemd" for "name=systemd". */
  name?: string;
  /** Path relative to the hierarchy's root mount, e.g. "/user.slice/session-2.scope". */
  path: string;
  /** True for the cgroup v2 line (hierarchy 0, empty controller list). */
  isV2: boolean;
}

/** Parses the text of /proc/PID/cgroup; throws a SyntaxError naming a malformed line. */
export function parseProcCgroup(text: string): ProcCgroupEntry[] {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((line) => {
      const m = /^(\d+):([^:]*):(.*)$/.exec(line.trim());
      if (!m) throw new SyntaxError(`not a /proc/PID/cgroup line: ${JSON.stringify(line)}`);
      const hierarchyId = Number(m[1]);
      const list = (m[2] ?? "").split(",").filter(Boolean);
      const name = list.find((c) => c.startsWith("name="))?.slice(5);
      const controllers = list.filter((c) => !c.startsWith("name="));
      return {
        hierarchyId,
        controllers,
        ...(name ? { name } : {}),
        path: m[3] ?? "/",
        isV2: hierarchyId === 0 && list.length === 0,
      };
    });
}
