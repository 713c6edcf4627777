// What the soak looks for after `nsbook stop --all`: anything of its containers, in every place a container
// leaves traces. Things carrying the batch's prefix, tag or bridge must be gone outright; other nsbook-named
// things are compared with what was there before the batch (another engineer's leftovers are not ours).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { nsbookCgroupDirs, nsbookMountPoints } from "../../test/support/nsbook-traces.js";

/** What marks the batch's things. */
export interface LeftoverProbe {
  /** Container-name prefix of the batch ("sk1a2b3c4d"). */
  prefix: string;
  /** The number every container command sleeps (`sleep <tag>`). */
  tag: string;
  /** The soak's bridge. */
  bridge: string;
  /** The run directory (state, lease and lock files). */
  runDir: string;
}

function processes(): { pid: number; cmdline: string[] }[] {
  const out: { pid: number; cmdline: string[] }[] = [];
  for (const e of readdirSync("/proc")) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
    try {
      const raw = readFileSync(`/proc/${e}/cmdline`, "utf8");
      if (raw) out.push({ pid: Number(e), cmdline: raw.replace(/\0$/, "").split("\0") });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function links(): { name: string; kind: string; master?: string }[] {
  const json = execFileSync("ip", ["-d", "-j", "link"], { encoding: "utf8" });
  return (JSON.parse(json) as { ifname: string; master?: string; linkinfo?: { info_kind?: string } }[]).map(
    (l) => ({ name: l.ifname, kind: l.linkinfo?.info_kind ?? "", ...(l.master ? { master: l.master } : {}) }),
  );
}

function netns(): string[] {
  try {
    return execFileSync("ip", ["netns", "list"], { encoding: "utf8" })
      .split("\n")
      .map((l) => l.trim().split(/\s+/)[0] ?? "")
      .filter(Boolean);
  } catch {
    return [];
  }
}

/** nsbook-named things now, one line each (for the before/after comparison). */
function nsbookThings(runDir: string): string[] {
  const out: string[] = [];
  for (const d of nsbookCgroupDirs({ nested: true })) out.push(`cgroup ${d}`);
  for (const l of links()) if (l.name.startsWith("nsb")) out.push(`interface ${l.name} (${l.kind || "?"})`);
  for (const n of netns()) if (n.includes("nsb")) out.push(`netns ${n}`);
  for (const mountPoint of nsbookMountPoints()) out.push(`mount ${mountPoint}`);
  if (existsSync(runDir)) for (const e of readdirSync(runDir)) out.push(`state ${join(runDir, e)}`);
  return out;
}

/** What was there before the batch. */
export async function snapshotBaseline(runDir = "/run/nsbook"): Promise<Set<string>> {
  return new Set(nsbookThings(runDir));
}

/** Everything of the batch still there, one line each; empty when the cleanup was complete. */
export async function findLeftovers(probe: LeftoverProbe, baseline: Set<string>): Promise<string[]> {
  const left: string[] = [];
  const marker = join(probe.runDir, probe.prefix);
  for (const p of processes()) {
    const text = p.cmdline.join(" ");
    if (text.includes(marker) || p.cmdline.includes(probe.tag) || text.includes(probe.prefix))
      left.push(`process ${p.pid}: ${text.slice(0, 200)}`);
  }
  // Mounts in the host's mount namespace (a container's own mount namespace dies with its last process).
  for (const line of readFileSync("/proc/self/mountinfo", "utf8").split("\n")) {
    if (line.includes(probe.prefix)) left.push(`mount ${line.split(" ")[4]}`);
  }
  for (const d of nsbookCgroupDirs({ nested: true })) if (d.includes(probe.prefix)) left.push(`cgroup ${d}`);
  for (const l of links()) {
    if (l.name === probe.bridge) left.push(`bridge ${l.name}`);
    else if (l.master === probe.bridge) left.push(`interface ${l.name} on ${probe.bridge}`);
  }
  if (existsSync(probe.runDir)) {
    for (const e of readdirSync(probe.runDir)) {
      if (e.startsWith(probe.prefix) || e.startsWith(`${probe.bridge}.`))
        left.push(`state ${join(probe.runDir, e)}`);
    }
    // A lease of another bridge held by one of the batch's containers.
    for (const e of readdirSync(probe.runDir).filter((f) => f.endsWith(".leases.json"))) {
      const text = readFileSync(join(probe.runDir, e), "utf8");
      if (text.includes(probe.prefix)) left.push(`lease in ${join(probe.runDir, e)}: ${text.slice(0, 200)}`);
    }
  }
  // Anything else nsbook-named that appeared during the batch (veths are named by a hash, not by the prefix).
  for (const thing of nsbookThings(probe.runDir)) {
    if (!baseline.has(thing) && !left.some((l) => thing.endsWith(l.split(" ").slice(1).join(" "))))
      left.push(`new since the batch began: ${thing}`);
  }
  return [...new Set(left)];
}
