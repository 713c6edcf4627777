// Why a controller is not usable, and the exact fix, in words a learner can act on.
import type { CgroupLayout, CgroupProblem, ControllerName } from "../types.js";
import { V2_THREADED, v1NameOf } from "./controller-map.js";
import { wslGenerationOf } from "./kernel-release.js";

/** What is known when explaining a problem. */
export interface ProblemContext {
  controller: ControllerName;
  layout: CgroupLayout;
  version: 1 | 2 | "none";
  uid: number;
  kernelRelease: string;
  mountPoint?: string;
  /** Root of the mounted subtree (mountinfo's root field). */
  mountRoot?: string;
  callerPath?: string;
  /** The caller's cgroup directory. */
  dir?: string;
  /** v2: the directory of the caller's parent cgroup. */
  parentDir?: string;
  /** v2: the parent cgroup holds processes and is not the root cgroup. */
  parentBusy?: boolean;
}

/** One problem in words. */
export interface Explanation {
  whyNot: string;
  fix?: string;
}

const CONTAINER_FIX =
  "run nsbook on the host, or start its container with `docker run --privileged --cgroupns=host ...` " +
  "(as nsbook's docker/ compose file does)";

const ROOT_FIX = "run nsbook as root: `sudo nsbook ...` (start the course with sudo too)";

function notPresent(x: ProblemContext): Explanation {
  const v1 = v1NameOf(x.controller);
  if (x.layout === "none") {
    return {
      whyNot: "no cgroup filesystem is mounted (nothing of type cgroup or cgroup2 in /proc/self/mountinfo)",
      fix: "mount cgroup v2: `sudo mount -t cgroup2 none /sys/fs/cgroup` (or run nsbook on a host that has it)",
    };
  }
  const whyNot = `no mounted cgroup hierarchy has the ${x.controller} controller (no v1 mount carries it and the v2 cgroup.controllers does not list it)`;
  if (wslGenerationOf(x.kernelRelease) === 2) {
    return {
      whyNot: `${whyNot}; recent WSL2 kernels are built without the v1 ${x.controller} controller`,
      fix:
        "switch WSL2 to cgroup v2: on Windows, add `kernelCommandLine = cgroup_no_v1=all` under `[wsl2]` in " +
        "%UserProfile%\\.wslconfig, run `wsl --shutdown` in PowerShell, then reopen the distro",
    };
  }
  return {
    whyNot,
    fix:
      `check that the kernel has it: \`grep -w ${v1} /proc/cgroups\` (last column 1) and that \`cat /proc/cmdline\` ` +
      `has no cgroup_disable=${v1}`,
  };
}

function internalProcesses(x: ProblemContext): Explanation {
  const where = x.callerPath === "/" ? "the top of your cgroup namespace" : x.callerPath;
  const refusal = V2_THREADED.has(x.controller)
    ? `keeps ${x.controller} from ordinary child cgroups (${x.controller} is a threaded controller: the kernel ` +
      `would enable it only by turning ${where} into a threaded subtree whose children hold threads, not ` +
      "containers, and never memory)"
    : `refuses to enable ${x.controller} for its children (writing +${x.controller} to ` +
      `${x.dir}/cgroup.subtree_control answers EBUSY)`;
  const rule =
    `cgroup v2's no-internal-processes rule ${refusal}; nsbook would first move the cgroup's processes into a ` +
    "leaf child (nsbook-leaf), but only in a cgroup delegated to you (writable cgroup.procs and " +
    "cgroup.subtree_control), and this one is not";
  if (x.callerPath === "/") {
    // "/" that is not the root cgroup: the top of a cgroup namespace, i.e. a container's own cgroup.
    return {
      whyNot: `you are at the top of a cgroup namespace (a container's own cgroup), which holds processes: ${rule}`,
      fix: "run nsbook on the host or in a VM, or give the container a writable cgroup v2 of its own (`docker run --privileged --cgroupns=private ...`): nsbook then moves its processes into a child cgroup first",
    };
  }
  return {
    whyNot: `your cgroup ${x.callerPath} holds processes (this one included) and is not the root cgroup: ${rule}`,
    fix:
      "run nsbook as root: `sudo nsbook ...`, and for the course let ./setup.sh grant the kernel root " +
      "(`./setup.sh --kernel-root=yes`); a root nsbook in a cgroup of its own moves that cgroup's processes into " +
      "nsbook-leaf and puts its containers beside it. Without systemd you can also start from a root shell in " +
      "the root cgroup, which the rule exempts: `sudo sh -c 'echo $$ > /sys/fs/cgroup/cgroup.procs && exec bash'`",
  };
}

function notDelegated(x: ProblemContext): Explanation {
  const busy = x.parentBusy
    ? ` (${x.parentDir} holds processes itself, so that write answers "Device or resource busy": then run ` +
      "nsbook from the root cgroup as described for the no-internal-processes rule)"
    : "";
  return {
    whyNot: `${x.controller} is not enabled for your cgroup ${x.callerPath}: ${x.parentDir}/cgroup.subtree_control does not list it`,
    fix: `echo +${x.controller} | sudo tee ${x.parentDir}/cgroup.subtree_control${busy}`,
  };
}

const EXPLAIN: Readonly<Record<CgroupProblem, (x: ProblemContext) => Explanation>> = {
  "not-present": notPresent,
  "no-caller-cgroup": (x) => ({
    whyNot: `/proc/self/cgroup names no cgroup of yours in the hierarchy mounted at ${x.mountPoint}`,
    fix: CONTAINER_FIX,
  }),
  "outside-mount": (x) => ({
    whyNot:
      `your cgroup ${x.callerPath} lies outside what ${x.mountPoint} shows (it mounts ${x.mountRoot} of the ` +
      "hierarchy), so no directory reaches it",
    fix: "run nsbook in the cgroup namespace that mounted /sys/fs/cgroup (on the host, or in a container started with `--cgroupns=host`)",
  }),
  "read-only": (x) => ({
    whyNot: `${x.mountPoint} is mounted read-only: nsbook is probably in a container started without privileges`,
    fix: CONTAINER_FIX,
  }),
  "not-delegated": notDelegated,
  "missing-dir": (x) => ({
    whyNot: `your cgroup's directory ${x.dir} does not exist in this mount`,
    fix: CONTAINER_FIX,
  }),
  "no-permission": (x) =>
    x.uid === 0
      ? {
          whyNot: `even root may not create cgroups in ${x.dir} (a container without privileges?)`,
          fix: CONTAINER_FIX,
        }
      : { whyNot: `uid ${x.uid} may not create cgroups in ${x.dir} (owned by root)`, fix: ROOT_FIX },
  "internal-processes": internalProcesses,
  "systemd-owned": (x) => ({
    whyNot:
      `systemd manages this host's cgroups and your cgroup ${x.callerPath} is one of its units (a login ` +
      "session, a service or a slice), not a scope delegated to nsbook: nsbook creates cgroups, and moves " +
      "processes, only inside a systemd scope it started with Delegate=yes",
    fix:
      "the course's Jupyter kernel and `nsbook run` / `nsbook step` start such a scope themselves (nsbook-*.scope); " +
      "from code of your own, run it in one: `sudo systemd-run --scope -p Delegate=yes --unit nsbook-mine -- COMMAND`",
  }),
  "not-enabled": (x) => ({
    whyNot:
      `${x.controller} is not enabled for children of the root cgroup (${x.dir}/cgroup.subtree_control does ` +
      "not list it), and nsbook does not change cgroups it did not create",
    fix: `echo +${x.controller} | sudo tee ${x.dir}/cgroup.subtree_control`,
  }),
};

/** Explains one problem. */
export function explainProblem(problem: CgroupProblem, context: ProblemContext): Explanation {
  return EXPLAIN[problem](context);
}

/** Joins the explanations of several problems: the first one leads, the others follow with "also". */
export function explainProblems(problems: readonly CgroupProblem[], context: ProblemContext): Explanation {
  const parts = problems.map((p) => explainProblem(p, context));
  const fixes = [...new Set(parts.flatMap((p) => (p.fix ? [p.fix] : [])))];
  return {
    whyNot: parts.map((p) => p.whyNot).join("; also "),
    ...(fixes.length > 0 ? { fix: fixes.join("; and ") } : {}),
  };
}
