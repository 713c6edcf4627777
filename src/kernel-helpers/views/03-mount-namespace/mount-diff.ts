// Host and container mount tables in one table: which mounts are copies, which exist on one side only,
// and the propagation of each copy.
import type { MountDiff, MountRow } from "../../../lib/index.js";
import { showHtml } from "../../display/index.js";
import { currentLang, type Lang, type Localized, localize } from "../../i18n/index.js";
import { htmlTable } from "../../render/index.js";

/** Options of {@link mountDiffTable}. */
export interface MountDiffTableOptions {
  /** Caption. @default a count of each kind of row */
  caption?: Localized;
  /**
   * How many mounts present on both sides (copies) to list besides the differing ones and `alwaysShow`;
   * the rest are counted in the last row. Host tables are long (a desktop with snaps has hundreds). @default 0
   */
  copies?: number;
  /** Copies always listed, by mount point. @default {@link WELL_KNOWN_MOUNTS} */
  alwaysShow?: readonly string[];
  /** Language. @default currentLang() */
  lang?: Lang;
}

/** Mount points every Linux host has, listed as examples of copies. */
export const WELL_KNOWN_MOUNTS: readonly string[] = ["/", "/proc", "/sys", "/dev"];

const WHERE = {
  both: { en: "both (a copy)", ja: "両方（コピー）" },
  inside: { en: "only inside", ja: "コンテナだけ" },
  host: { en: "only on the host", ja: "ホストだけ" },
} as const;

/** The rows {@link mountDiffTable} lists, and how many copies it leaves out (pure). */
export function selectMountRows(
  diff: MountDiff,
  copies = 0,
  alwaysShow: readonly string[] = WELL_KNOWN_MOUNTS,
): { rows: MountRow[]; hiddenCopies: number } {
  if (!Number.isSafeInteger(copies) || copies < 0) {
    throw new RangeError(`mountDiffTable: copies must be a whole number >= 0, got ${copies}`);
  }
  let listed = 0;
  const keep = diff.rows.filter((r) => {
    if (r.where !== "both") return true;
    if (alwaysShow.includes(r.mountPoint)) return true;
    listed++;
    return listed <= copies;
  });
  return { rows: keep, hiddenCopies: diff.rows.length - keep.length };
}

/** Renders a {@link MountDiff}: differing rows highlighted, copies partly listed and counted (pure). */
export function mountDiffTable(diff: MountDiff, options: MountDiffTableOptions = {}): string {
  const lang = options.lang ?? currentLang();
  const { rows, hiddenCopies } = selectMountRows(diff, options.copies, options.alwaysShow);
  const both = diff.inBoth.length;
  const inside = diff.onlyInside.length;
  const host = diff.onlyOnHost.length;
  const caption = options.caption ?? {
    en: `${both} mounts in both tables, ${inside} only inside the container, ${host} only on the host`,
    ja: `両方にあるマウント ${both} 個、コンテナだけ ${inside} 個、ホストだけ ${host} 個`,
  };
  type Row = MountRow | { more: number };
  const all: Row[] = hiddenCopies > 0 ? [...rows, { more: hiddenCopies }] : rows;
  const pick = (r: Row, f: (m: MountRow) => string | undefined) => ("more" in r ? "" : f(r));
  const more = {
    en: (n: number) => `… ${n} more mounts in both tables`,
    ja: (n: number) => `…ほかに両方にあるマウント ${n} 個`,
  };
  const table = htmlTable(
    all,
    [
      {
        header: { en: "mount point", ja: "マウントポイント" },
        value: (r) => ("more" in r ? more[lang](r.more) : r.mountPoint),
        format: "mono",
      },
      { header: { en: "type", ja: "種類" }, value: (r) => pick(r, (m) => m.fsType), format: "mono" },
      { header: { en: "source", ja: "ソース" }, value: (r) => pick(r, (m) => m.source), format: "mono" },
      {
        header: { en: "where", ja: "ある場所" },
        value: (r) => pick(r, (m) => localize(WHERE[m.where], lang)),
      },
      {
        header: { en: "host propagation", ja: "ホストの伝播" },
        value: (r) => pick(r, (m) => m.hostPropagation),
        format: "mono",
      },
      {
        header: { en: "container propagation", ja: "コンテナの伝播" },
        value: (r) => pick(r, (m) => m.containerPropagation),
        format: "mono",
      },
    ],
    { caption: localize(caption, lang), highlight: (r) => !("more" in r) && r.where !== "both", lang },
  );
  return `<div class="nsbook-mount-diff">${table}</div>`;
}

/** Shows {@link mountDiffTable}. */
export function showMountDiff(diff: MountDiff, options?: MountDiffTableOptions): void {
  showHtml(mountDiffTable(diff, options));
}
