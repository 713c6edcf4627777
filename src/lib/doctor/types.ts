// What `nsbook doctor` reports. The CLI prints it, --json emits it, the preflight notebook renders it.
import type { CgroupDetection } from "../cgroups/types.js";
import type { PrivilegeMode } from "../privilege/types.js";

/** One thing doctor checked. */
export interface DoctorCheck {
  /** Stable id, e.g. "ns.pid", "cgroup.memory", "tool.unshare", "userns.apparmor". */
  id: string;
  /** Section it belongs to: "privilege" | "kernel" | "environment" | "namespaces" | "filesystems" | "cgroups" | "userns" | "rootfs" | "tools". */
  group: string;
  /** Short title, e.g. "PID namespace". */
  title: string;
  status: "ok" | "warn" | "fail" | "info";
  /** What was found, e.g. "v1 at /sys/fs/cgroup/memory, caller in /process_api/7ae0, can create children". */
  detail: string;
  /** The exact command or action that fixes it, when status is warn/fail. */
  fix?: string;
  /** title, detail and fix in Japanese, for the Japanese notebooks (the fields above are English). */
  ja?: { title: string; detail: string; fix?: string };
}

/** Whether one step of the course can run here. */
export interface StepReadiness {
  /** Course step: 1..7 (and later 8..11). */
  step: number;
  title: string;
  runnable: boolean;
  /** Why not, and which check ids block it. */
  why?: string;
  blockedBy?: string[];
  /** title and why in Japanese (the fields above are English). */
  ja?: { title: string; why?: string };
}

/** The whole report. */
export interface DoctorReport {
  /** ISO time of the report. */
  generatedAt: string;
  privilege: PrivilegeMode;
  kernelRelease: string;
  cgroups: CgroupDetection;
  checks: DoctorCheck[];
  steps: StepReadiness[];
  /** True when every step of the course can run. */
  ok: boolean;
}
