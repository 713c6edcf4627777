// Notebook 04's summary: the full container as the four steps' pieces, each with what it isolates and what
// this container shows for it; and (at the end) nsbook's refusal to set a hostname without a UTS namespace.
import { type Container, readHostname, readMounts, readProcessesSeenBy } from "../../../lib/index.js";
import { showHtml } from "../../display/index.js";
import { type Lang, type Localized, localize } from "../../i18n/index.js";
import { escapeHtml } from "../../render/escape-html.js";
import { htmlTable } from "../../render/html-table.js";
import { calloutHtml } from "../../render/index.js";

/** What each step's piece shows in a running container, read from the host. */
export interface ContainerPieceFacts {
  rootfs: string;
  /** `ls /` inside, one line. */
  lsRoot: string;
  processesInside: number;
  processesOnHost: number;
  /** Device (major:minor) of /proc inside and on the host. */
  procDeviceInside?: string;
  procDeviceOnHost?: string;
  hostnameInside: string;
  hostnameOnHost: string;
}

/** Reads {@link ContainerPieceFacts} of a running container. */
export async function readContainerPieces(box: Container): Promise<ContainerPieceFacts> {
  const pid = box.pid;
  if (pid === undefined) throw new Error(`container ${box.name} is not running: start it first`);
  const procOf = async (pid: number | "self") =>
    (await readMounts(pid)).find((m) => m.mountPoint === "/proc")?.device;
  return {
    rootfs: box.spec.rootfs ?? "",
    lsRoot: (await box.exec(["ls", "/"])).stdout.trim().split("\n").join(" "),
    processesInside: (await readProcessesSeenBy(pid)).processes.length,
    processesOnHost: (await readProcessesSeenBy("self")).processes.length,
    procDeviceInside: await procOf(pid),
    procDeviceOnHost: await procOf("self"),
    hostnameInside: await readHostname(pid),
    hostnameOnHost: await readHostname("self"),
  };
}

/** The four pieces as a table (pure). */
export function containerPiecesHtml(f: ContainerPieceFacts, lang?: Lang): string {
  const rows: { step: string; option: string; isolates: Localized; seen: Localized }[] = [
    {
      step: "01",
      option: `--root=${f.rootfs}`,
      isolates: { en: "files: / is the root filesystem", ja: "ファイル：/ が rootfs" },
      seen: `ls /: ${f.lsRoot}`,
    },
    {
      step: "02",
      option: "--pid --fork",
      isolates: { en: "process IDs: init is PID 1", ja: "プロセス ID：init が PID 1" },
      seen: {
        en: `${f.processesInside} processes inside, ${f.processesOnHost} on the host`,
        ja: `中のプロセス ${f.processesInside} 個、ホストでは ${f.processesOnHost} 個`,
      },
    },
    {
      step: "03",
      option: "--mount --propagation private --mount-proc",
      isolates: { en: "mounts, and a /proc of its own", ja: "マウントと専用の /proc" },
      seen: {
        en: `/proc: device ${f.procDeviceInside} inside, ${f.procDeviceOnHost} on host`,
        ja: `/proc のデバイス：中 ${f.procDeviceInside}、ホスト ${f.procDeviceOnHost}`,
      },
    },
    {
      step: "04",
      option: "--uts",
      isolates: { en: "hostname and NIS domain name", ja: "ホスト名と NIS ドメイン名" },
      seen: {
        en: `${f.hostnameInside} inside, ${f.hostnameOnHost} on the host`,
        ja: `中は ${f.hostnameInside}、ホストは ${f.hostnameOnHost}`,
      },
    },
  ];
  return htmlTable(
    rows,
    [
      { key: "step", header: { en: "step", ja: "ステップ" } },
      { key: "option", header: { en: "option", ja: "オプション" }, format: "mono" },
      { header: { en: "isolates", ja: "隔離対象" }, value: (r) => localize(r.isolates, lang) },
      { header: { en: "seen here", ja: "ここでの値" }, value: (r) => localize(r.seen, lang) },
    ],
    { lang },
  );
}

/** Shows the running container `box` as the pieces of steps 01 to 04. */
export async function showContainerPieces(box: Container): Promise<void> {
  showHtml(containerPiecesHtml(await readContainerPieces(box)));
}

// nsbook's refusal to set a hostname without a UTS namespace, in the notebook's language.

/**
 * The refusal as the learner reads it (pure): the library's message in English; in Japanese, what it says (no
 * hostname without "uts", or the host itself would be renamed). Empty `message` (nothing was refused) says so.
 */
export function hostnameRefusalText(message: string, lang?: Lang): string {
  if (message === "") return localize({ en: "(not refused!)", ja: "（拒否されなかった！）" }, lang);
  return localize(
    {
      en: `refused: ${message}`,
      ja: `拒否されました：uts 名前空間なしでホスト名を設定すると、ホスト自身の名前が変わってしまいます。namespaces に "uts" を加えてください。`,
    },
    lang,
  );
}

/** Shows why nsbook refused a container (or that it did not), in a red box. */
export function showHostnameRefusal(message: string): void {
  showHtml(calloutHtml("fail", escapeHtml(hostnameRefusalText(message)), { preWrap: true }));
}
