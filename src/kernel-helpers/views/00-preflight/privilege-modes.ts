// The start page's table of privilege modes: how nsbook gets the rights containers need in each mode and which
// course steps each can run, with this machine's mode highlighted. The steps come from the same rule doctor
// uses (stepsUnavailableIn), so the table cannot disagree with doctor's verdict.

import { CORE_STEPS, type DoctorReport, type PrivilegeMode, stepsUnavailableIn } from "../../../lib/index.js";
import { showHtml } from "../../display/index.js";
import { currentLang, type Lang } from "../../i18n/index.js";
import { htmlTable } from "../../render/html-table.js";

/** One row of the modes table. */
export interface PrivilegeModeRow {
  mode: PrivilegeMode;
  /** Course steps (of 1-7) this mode can run. */
  canRun: number[];
  /** Course steps (of 1-7) it cannot run. */
  cannotRun: number[];
  /** True for the mode doctor found on this machine. */
  here: boolean;
}

const MODES: readonly PrivilegeMode[] = ["root", "sudo", "rootless", "none"];

const WHO: Record<PrivilegeMode, { en: string; ja: string }> = {
  root: {
    en: "root (uid 0): the course's kernel through its sudo rule, a VM, CI, the Docker image",
    ja: "root（uid 0）：sudo ルールを通したコースのカーネル、VM、CI、Docker イメージ",
  },
  sudo: {
    en: "your own code using the library, as a user with passwordless sudo",
    ja: "パスワードなしで sudo できるユーザーとしてライブラリを使う自作のコード",
  },
  rootless: {
    en: "a user who may create user namespaces, without sudo",
    ja: "sudo がなく、ユーザー名前空間を作れるユーザー",
  },
  none: {
    en: "a user without sudo or user namespaces",
    ja: "sudo もユーザー名前空間も使えないユーザー",
  },
};

const HOW: Record<PrivilegeMode, { en: string; ja: string }> = {
  root: { en: "runs unshare, mount, ip… directly", ja: "unshare、mount、ip などを直接実行する" },
  sudo: {
    en: "runs each host command through `sudo -n`",
    ja: "ホストのコマンドを 1 つずつ `sudo -n` 経由で実行する",
  },
  rootless: {
    en: "adds a user namespace to each container: root inside, you outside",
    ja: "各コンテナにユーザー名前空間を加える。中では root、外では自分のまま",
  },
  none: { en: "cannot create containers", ja: "コンテナを作れない" },
};

const W = {
  mode: { en: "mode", ja: "モード" },
  who: { en: "when", ja: "どんなとき" },
  how: { en: "how nsbook gets the rights", ja: "nsbook が権限を得る方法" },
  canRun: { en: "steps it can run", ja: "実行できるステップ" },
  cannotRun: { en: "steps it cannot run", ja: "実行できないステップ" },
  caption: { en: "Privilege modes (steps 01-07)", ja: "権限のモード（ステップ 01〜07）" },
  here: { en: "← this machine", ja: "← このマシン" },
  all: { en: "all", ja: "すべて" },
  none: { en: "none", ja: "なし" },
} as const;

/** The modes with the steps each can run, marking `current` (pure). */
export function privilegeModeRows(current: PrivilegeMode): PrivilegeModeRow[] {
  return MODES.map((mode) => {
    const blocked = new Set(stepsUnavailableIn(mode).map((l) => l.step));
    return {
      mode,
      canRun: CORE_STEPS.filter((s) => !blocked.has(s)),
      cannotRun: CORE_STEPS.filter((s) => blocked.has(s)),
      here: mode === current,
    };
  });
}

function stepList(steps: readonly number[], lang: Lang): string {
  if (steps.length === CORE_STEPS.length) return W.all[lang];
  if (steps.length === 0) return W.none[lang];
  return steps.map((s) => String(s).padStart(2, "0")).join(", ");
}

/** The modes table as HTML, this machine's mode highlighted (pure). */
export function renderPrivilegeModes(current: PrivilegeMode, lang: Lang = currentLang()): string {
  return htmlTable(
    privilegeModeRows(current),
    [
      { header: W.mode, value: (r) => (r.here ? `${r.mode} ${W.here[lang]}` : r.mode) },
      { header: W.who, value: (r) => WHO[r.mode][lang] },
      { header: W.how, value: (r) => HOW[r.mode][lang], format: "code-spans" },
      { header: W.canRun, value: (r) => stepList(r.canRun, lang) },
      { header: W.cannotRun, value: (r) => stepList(r.cannotRun, lang) },
    ],
    { caption: W.caption[lang], highlight: (r) => r.here, lang },
  );
}

/** Shows the modes table for the mode doctor found. */
export function showPrivilegeModes(report: DoctorReport, lang: Lang = currentLang()): void {
  showHtml(renderPrivilegeModes(report.privilege, lang));
}
