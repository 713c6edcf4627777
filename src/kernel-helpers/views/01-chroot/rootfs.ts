// Notebook 01's root filesystem: which one the page built (Alpine, verified, or the offline busybox one),
// why, and what is in it.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { isNsbookError, type RootfsBuildResult } from "../../../lib/index.js";
import { showHtml } from "../../display/index.js";
import { type Lang, type Localized, localize } from "../../i18n/index.js";
import { escapeHtml } from "../../render/escape-html.js";
import { htmlTable } from "../../render/html-table.js";
import { calloutHtml } from "../../render/index.js";

// Network errors that mean "this machine cannot reach the mirror" (the codes Node gives `cause`).
const UNREACHABLE = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNREFUSED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
]);

function causeCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    // An NsbookError's code is nsbook's own ("rootfs"); the errno is on a cause below it.
    const code = isNsbookError(e) ? undefined : (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** What kind of failure `error` is, in both languages, for a message that is not about the network. */
function failureKind(error: unknown): { en: string; ja: string } {
  const message = error instanceof Error ? error.message : String(error);
  const status = (error as { httpStatus?: unknown } | null)?.httpStatus;
  if (typeof status === "number")
    return { en: `the mirror answered HTTP ${status}`, ja: `ミラーが HTTP ${status} を返しました` };
  if (message.startsWith("checksum mismatch"))
    return {
      en: "the download's checksum differs from the one Alpine publishes, so it was not used",
      ja: "ダウンロードしたファイルのチェックサムが Alpine の公開している値と違うので、使いませんでした",
    };
  if (message.includes("the proxy"))
    return { en: "the proxy could not be used", ja: "プロキシを通して接続できませんでした" };
  if (message.includes("was cut short"))
    return { en: "the download was cut short", ja: "ダウンロードが途中で切れました" };
  const code = causeCode(error);
  if (code === "ENOSPC" || code === "EDQUOT")
    return { en: "no space left on the disk", ja: "ディスクの空きが足りません" };
  return { en: code ?? message, ja: code ?? "理由は下のメッセージのとおりです" };
}

/**
 * Why Alpine's minirootfs could not be installed, in the notebook's language (pure): no route to the mirror
 * (named by its error code), or another failure, said in the notebook's language. The library's own message
 * (English) is quoted in English text only; {@link showAlpineUnavailable} shows it verbatim, as code.
 */
export function alpineUnavailableText(error: unknown, lang?: Lang): string {
  const code = causeCode(error);
  if (code && UNREACHABLE.has(code)) {
    return localize(
      {
        en: `Alpine's minirootfs could not be downloaded: this machine cannot reach the Alpine mirror (${code}: no internet here). This page uses the busybox root filesystem instead, built offline from the host's static busybox.`,
        ja: `Alpine の minirootfs をダウンロードできませんでした。このマシンから Alpine のミラーに届きません（${code}：インターネットにつながっていません）。代わりに、ホストの静的な busybox からオフラインで作る busybox のルートファイルシステムを使います。`,
      },
      lang,
    );
  }
  const kind = failureKind(error);
  return localize(
    {
      en: `Alpine's minirootfs could not be installed (${kind.en}). This page uses the busybox root filesystem instead, built offline from the host's static busybox.`,
      ja: `Alpine の minirootfs をインストールできませんでした（${kind.ja}）。代わりに、ホストの静的な busybox からオフラインで作る busybox のルートファイルシステムを使います。`,
    },
    lang,
  );
}

/** Says, in a blue box, why the page falls back to the busybox root filesystem, with nsbook's message as code. */
export function showAlpineUnavailable(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  showHtml(
    calloutHtml("info", `${escapeHtml(alpineUnavailableText(error))}<br><code>${escapeHtml(message)}</code>`),
  );
}

const STATUS_TEXT: Record<RootfsBuildResult["status"], Localized> = {
  created: { en: "built now", ja: "今作成した" },
  replaced: { en: "rebuilt now (it was out of date)", ja: "今作り直した（古くなっていた）" },
  "up-to-date": { en: "already there, up to date: nothing done", ja: "作成済みで最新：何もしていない" },
};

/** The facts of a built (or kept) root filesystem as a two-column table (pure). */
export function rootfsBuiltHtml(result: RootfsBuildResult, lang?: Lang): string {
  const m = result.marker;
  const made: Localized =
    m.kind === "alpine"
      ? {
          en: `Alpine ${m.alpineVersion ?? "?"} minirootfs (${m.arch ?? "?"}), downloaded and checked`,
          ja: `Alpine ${m.alpineVersion ?? "?"} の minirootfs（${m.arch ?? "?"}）、ダウンロードして検証済み`,
        }
      : m.kind === "busybox"
        ? {
            en: `the host's static busybox ${m.busyboxVersion ?? ""}, offline`,
            ja: `ホストの静的な busybox ${m.busyboxVersion ?? ""}、オフライン`,
          }
        : { en: `imported (${m.kind})`, ja: `インポート（${m.kind}）` };
  const rows: { item: Localized; value: string }[] = [
    { item: { en: "directory", ja: "ディレクトリ" }, value: result.dir },
    { item: { en: "made from", ja: "材料" }, value: localize(made, lang) },
    { item: { en: "this run", ja: "今回の実行" }, value: localize(STATUS_TEXT[result.status], lang) },
  ];
  if (m.sha256) {
    const item: Localized =
      m.kind === "alpine"
        ? { en: "SHA-256 (matches Alpine's published one)", ja: "SHA-256（Alpine の公開値と一致）" }
        : { en: "SHA-256 of what it was made from", ja: "材料の SHA-256" };
    rows.push({ item, value: m.sha256 });
  }
  return htmlTable(
    rows,
    [
      {
        header: { en: "root filesystem", ja: "ルートファイルシステム" },
        value: (r) => localize(r.item, lang),
      },
      { header: { en: "value", ja: "内容" }, key: "value", format: "mono" },
    ],
    { lang },
  );
}

/** Shows what building the root filesystem did. */
export function showRootfsBuilt(result: RootfsBuildResult): void {
  showHtml(rootfsBuiltHtml(result));
}

const KIND_TEXT = {
  symlink: { en: "symbolic link", ja: "シンボリックリンク" },
  directory: { en: "directory", ja: "ディレクトリ" },
  file: { en: "file", ja: "ファイル" },
} as const;

/** One entry at the top of a root filesystem. */
export interface RootfsEntry {
  path: string;
  kind: keyof typeof KIND_TEXT;
  /** Entries inside, for a directory. */
  entries?: number;
}

/** The top level of the root filesystem at `dir`, read from the host. */
export function readRootfsTop(dir: string): RootfsEntry[] {
  return readdirSync(dir, { withFileTypes: true }).map((e) => ({
    path: join(dir, e.name),
    kind: e.isSymbolicLink() ? "symlink" : e.isDirectory() ? "directory" : "file",
    entries: e.isDirectory() ? readdirSync(join(dir, e.name)).length : undefined,
  }));
}

/** Renders {@link readRootfsTop}'s entries as a table (pure). */
export function rootfsTopHtml(dir: string, entries: readonly RootfsEntry[], lang?: Lang): string {
  return htmlTable(
    entries,
    [
      { key: "path", header: { en: "path on the host", ja: "ホスト上のパス" }, format: "mono" },
      { header: { en: "kind", ja: "種類" }, value: (r) => localize(KIND_TEXT[r.kind], lang) },
      { key: "entries", header: { en: "entries inside", ja: "中の項目数" } },
    ],
    { caption: `ls ${dir}`, lang },
  );
}

/** Lists the top level of the root filesystem at `dir`, as seen from the host. */
export function showRootfsTop(dir: string): void {
  showHtml(rootfsTopHtml(dir, readRootfsTop(dir)));
}
