// Where each controller lives on this machine and where nsbook puts a container's cgroups: the detection of
// src/lib/cgroups as a table, and the parent directories a leftover search looks in.
import { join, resolve } from "node:path";
import {
  type CgroupDetection,
  type ControllerPlacement,
  cgroupDirName,
  MANAGED_CONTROLLERS,
} from "../../../lib/index.js";
import { showHtml } from "../../display/index.js";
import { currentLang, type Lang, type Localized } from "../../i18n/index.js";
import { htmlTable, type TableColumn } from "../../render/html-table.js";
import { statusMark } from "../../render/status-mark.js";

const HEADERS = {
  controller: { en: "controller", ja: "コントローラ" },
  version: { en: "version, mount", ja: "バージョン・マウント先" },
  caller: { en: "this kernel's cgroup", ja: "このカーネルの cgroup" },
  target: { en: "container's cgroup", ja: "コンテナの cgroup" },
  note: { en: "note", ja: "補足" },
} as const;

function versionText(p: ControllerPlacement): string {
  return p.version === "none" ? "none" : `cgroup v${p.version}`;
}

/**
 * Per controller nsbook uses (memory, cpu, cpuacct, pids): which cgroup version serves it, where that
 * hierarchy is mounted, this process's cgroup in it, and the directory a container named `container` gets
 * (parent directory + "nsbook-<name>") - or why the controller cannot be used (pure).
 */
export function placementHtml(
  detection: CgroupDetection,
  container: string,
  options: { caption?: Localized; lang?: Lang } = {},
): string {
  const lang = options.lang ?? currentLang();
  const dirName = cgroupDirName(container);
  const rows = MANAGED_CONTROLLERS.map(
    (c): ControllerPlacement =>
      detection.controllers.find((p) => p.controller === c) ?? {
        controller: c,
        version: "none",
        usable: false,
      },
  );
  const notes = (p: ControllerPlacement) => [p.whyNot, p.fix, p.note].filter(Boolean).join(" — ");
  const columns: TableColumn<ControllerPlacement>[] = [
    {
      header: HEADERS.controller,
      value: (p) => statusMark(p.usable ? "ok" : "fail", p.controller, lang),
      format: "html",
    },
    {
      header: HEADERS.version,
      value: (p) => (p.mountPoint ? `${versionText(p)}\n${p.mountPoint}` : versionText(p)),
      format: "mono",
    },
    { header: HEADERS.caller, key: "callerPath", format: "mono" },
    {
      header: HEADERS.target,
      value: (p) => (p.usable && p.parentDir ? join(p.parentDir, dirName) : undefined),
      format: "mono",
    },
  ];
  // The note column only when there is something to say (it would otherwise widen a printed page).
  if (rows.some((p) => notes(p) !== "")) {
    columns.push({ header: HEADERS.note, value: notes, format: "code-spans" });
  }
  return htmlTable(rows, columns, { caption: options.caption, highlight: (p) => !p.usable, lang });
}

/** Shows {@link placementHtml}. */
export function showPlacement(
  detection: CgroupDetection,
  container: string,
  options?: { caption?: Localized },
): void {
  showHtml(placementHtml(detection, container, options));
}

/** The directories nsbook creates cgroups in: this process's cgroup in every hierarchy, without repeats. */
export function ourParentDirs(detection: CgroupDetection): string[] {
  const dirs = new Set<string>();
  for (const p of detection.controllers)
    if (p.parentDir && p.version !== "none") dirs.add(resolve(p.parentDir));
  if (detection.v2MountPoint && detection.v2CallerPath)
    dirs.add(resolve(detection.v2MountPoint, `.${detection.v2CallerPath}`));
  return [...dirs].sort();
}
