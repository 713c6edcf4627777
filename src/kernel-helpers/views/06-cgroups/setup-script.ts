// What nsbook did to give a container its limits, written as the shell commands that would do the same on
// this machine (v1, v2 or hybrid), and the limit files read back from the kernel afterwards.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type CgroupManager,
  type CgroupWrite,
  type ControllerName,
  type ResourceLimitsInput,
  v1LimitWrites,
  v2LimitWrites,
  validateLimits,
} from "../../../lib/index.js";
import { showHtml } from "../../display/index.js";
import { currentLang, type Lang, type Localized, localize } from "../../i18n/index.js";
import { escapeHtml } from "../../render/escape-html.js";
import { htmlTable } from "../../render/html-table.js";
import { CAPTION_STYLE, COMMAND_BLOCK_STYLE, MUTED_TEXT, NO_MATH_CLASS } from "../../render/styles.js";

/** One cgroup directory of a container, named by a shell variable for short, readable command lines. */
export interface CgroupDirVariable {
  /** Variable name: "CG" for the one v2 directory, the controllers in capitals for v1 ("MEMORY", "CPU_CPUACCT"). */
  name: string;
  dir: string;
  version: 1 | 2;
  controllers: ControllerName[];
}

/** The container's directories, one variable each, in the manager's order. */
export function dirVariables(manager: Pick<CgroupManager, "controllers" | "dirs">): CgroupDirVariable[] {
  return manager.dirs.map((dir) => {
    const served = manager.controllers.filter((c) => c.dir === dir);
    const version = served[0]?.version ?? 2;
    const controllers = served.map((c) => c.controller);
    const name = version === 2 ? "CG" : controllers.join("_").toUpperCase() || "CG";
    return { name, dir, version, controllers };
  });
}

/** `$VAR/file` for the file of `controller`, or undefined when no directory serves the controller. */
export function fileRef(
  vars: readonly CgroupDirVariable[],
  controller: ControllerName,
  file: string,
): { ref: string; path: string } | undefined {
  const v = vars.find((x) => x.controllers.includes(controller));
  return v ? { ref: `$${v.name}/${file}`, path: join(v.dir, file) } : undefined;
}

/** The writes that applied `limits`, each in its directory's cgroup version, in the order they were made. */
export function limitWritesFor(
  vars: readonly CgroupDirVariable[],
  limits: ResourceLimitsInput,
): (CgroupWrite & { ref: string; path: string })[] {
  const validated = validateLimits(limits);
  const out: (CgroupWrite & { ref: string; path: string })[] = [];
  for (const version of [1, 2] as const) {
    const writes = version === 1 ? v1LimitWrites(validated) : v2LimitWrites(validated);
    for (const w of writes) {
      const v = vars.find((x) => x.version === version && x.controllers.includes(w.controller));
      if (v) out.push({ ...w, ref: `$${v.name}/${w.file}`, path: join(v.dir, w.file) });
    }
  }
  return out;
}

function shellWord(value: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(value) ? value : `"${value}"`;
}

/**
 * The shell commands equivalent to what nsbook did for a container with `limits` (pure): name the
 * directories, create them, write the limits, put the starting shell into every directory, then start the
 * container from it (what `exec unshare ...` stands for).
 */
export function setupScript(
  manager: Pick<CgroupManager, "controllers" | "dirs">,
  limits: ResourceLimitsInput,
  lang: Lang = currentLang(),
): string[] {
  const vars = dirVariables(manager);
  const refs = vars.map((v) => `$${v.name}`);
  const lines = vars.map((v) => `${v.name}=${v.dir}`);
  lines.push(`mkdir ${refs.join(" ")}`);
  for (const w of limitWritesFor(vars, limits)) lines.push(`echo ${shellWord(w.value)} > ${w.ref}`);
  if (refs.length === 1) lines.push(`echo $$ > ${refs[0]}/cgroup.procs`);
  else lines.push(`for d in ${refs.join(" ")}; do echo $$ > $d/cgroup.procs; done`);
  const comment = localize(
    { en: "the container, inside these cgroups", ja: "これらの cgroup の中でコンテナを起動" },
    lang,
  );
  lines.push(`exec unshare --pid --mount ... /bin/sh   # ${comment}`);
  return lines;
}

/** Shell lines as a code block, comments (from " # ") in grey (pure). */
export function scriptHtml(
  lines: readonly string[],
  options: { caption?: Localized; lang?: Lang } = {},
): string {
  const lang = options.lang ?? currentLang();
  const body = lines
    .map((line) => {
      const at = line.indexOf(" # ");
      if (at < 0) return escapeHtml(line);
      return `${escapeHtml(line.slice(0, at))}<span style="color:${MUTED_TEXT}">${escapeHtml(line.slice(at))}</span>`;
    })
    .join("\n");
  const caption =
    options.caption === undefined
      ? ""
      : `<div style="${CAPTION_STYLE}">${escapeHtml(localize(options.caption, lang))}</div>`;
  return `<div class="nsbook-script ${NO_MATH_CLASS}">${caption}<div style="${COMMAND_BLOCK_STYLE}">${body}</div></div>`;
}

/** Shows {@link setupScript} as a code block. */
export function showSetupScript(
  manager: Pick<CgroupManager, "controllers" | "dirs">,
  limits: ResourceLimitsInput,
  options: { caption?: Localized } = {},
): void {
  showHtml(scriptHtml(setupScript(manager, limits), options));
}

/** One limit file: what nsbook wrote and what the kernel gives back now. */
export interface LimitFileRow {
  file: string;
  written: string;
  /** The file's content now; undefined when it cannot be read (the cgroup is gone). */
  readBack?: string;
}

/** Reads back every limit file nsbook wrote for `limits` (the kernel may round, e.g. to whole pages). */
export function readLimitFiles(
  manager: Pick<CgroupManager, "controllers" | "dirs">,
  limits: ResourceLimitsInput,
): LimitFileRow[] {
  return limitWritesFor(dirVariables(manager), limits).map((w) => {
    let readBack: string | undefined;
    try {
      readBack = readFileSync(w.path, "utf8").trim();
    } catch {
      readBack = undefined;
    }
    return { file: w.ref, written: w.value, readBack };
  });
}

/** Shows {@link readLimitFiles} as a table; a row whose value differs from what was written is highlighted. */
export function showLimitFiles(
  manager: Pick<CgroupManager, "controllers" | "dirs">,
  limits: ResourceLimitsInput,
  options: { caption?: Localized } = {},
): LimitFileRow[] {
  const rows = readLimitFiles(manager, limits);
  showHtml(
    htmlTable(
      rows,
      [
        { header: { en: "file", ja: "ファイル" }, key: "file", format: "mono" },
        { header: { en: "nsbook wrote", ja: "nsbook が書いた値" }, key: "written", format: "mono" },
        {
          header: { en: "the kernel reads back", ja: "カーネルから読み戻した値" },
          key: "readBack",
          format: "mono",
        },
      ],
      { caption: options.caption, highlight: (r) => r.readBack !== r.written },
    ),
  );
  return rows;
}
