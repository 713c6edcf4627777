// The host tools the course runs, with versions and the package that provides each.

import type { ToolFact } from "../facts.js";
import { NODE_SUPPORTED, nodeSupportsRequireEsm, TOOL_SPECS, type ToolSpec } from "../tool-specs.js";
import type { DoctorCheck } from "../types.js";
import { versionAtLeast } from "../version.js";
import { check, firstLine } from "./check.js";
import type { CheckContext } from "./context.js";
import { japaneseOf } from "./japanese.js";

function toolCheck(spec: ToolSpec, fact: ToolFact | undefined): DoctorCheck {
  const id = `tool.${spec.name}`;
  const install = `\`sudo apt-get install ${spec.debianPackage}\``;
  if (!fact?.path && fact?.offPath) {
    // Debian and Ubuntu leave the sbin folders off a user's PATH; nsbook adds them to every command it runs
    // (run-host.ts), and sudo's secure_path has them: the Jupyter kernel and the CLI find the tool.
    return check(id, "tools", spec.name, "ok", {
      en: `${fact.offPath} (not on your shell's PATH, which Debian and Ubuntu give only root; nsbook and sudo look there)`,
      ja: `${fact.offPath}（自分のシェルの PATH にはない。Debian と Ubuntu はこれを root の PATH にだけ入れるが、nsbook と sudo はそこも探す）`,
    });
  }
  if (!fact?.path) {
    return check(
      id,
      "tools",
      spec.name,
      spec.optional ? "warn" : "fail",
      { en: `not found (${spec.usedFor})`, ja: `見つからない（用途：${japaneseOf(spec.usedFor)}）` },
      install,
    );
  }
  const version = fact.versionOutput === undefined ? undefined : spec.parseVersion(fact.versionOutput);
  const said = firstLine(fact.versionOutput ?? "");
  const shown = version
    ? { en: `${version}, ${fact.path}`, ja: `${version}、${fact.path}` }
    : {
        en: `${fact.path} (version unknown: ${said || "no output"})`,
        ja: `${fact.path}（バージョン不明：${said || "出力なし"}）`,
      };
  if (spec.minimum && version && !versionAtLeast(version, spec.minimum.version)) {
    return check(
      id,
      "tools",
      spec.name,
      "fail",
      {
        en: `${shown.en}: older than ${spec.minimum.version}, needed for ${spec.minimum.why}`,
        ja: `${shown.ja}：${spec.minimum.version} より古い（${japaneseOf(spec.minimum.why)}に必要）`,
      },
      `\`sudo apt-get install --only-upgrade ${spec.debianPackage}\``,
    );
  }
  if (spec.name === "busybox" && fact.isStatic === false) {
    return check(
      id,
      "tools",
      spec.name,
      "warn",
      {
        en: `${shown.en}: dynamically linked, so a root filesystem built from it needs the host's libraries`,
        ja: `${shown.ja}：動的リンクなので、これで作ったルートファイルシステムにはホストのライブラリが要る`,
      },
      install,
    );
  }
  const isStatic = spec.name === "busybox" && fact.isStatic;
  return check(id, "tools", spec.name, "ok", {
    en: `${shown.en}${isStatic ? ", static" : ""}`,
    ja: `${shown.ja}${isStatic ? "、静的リンク" : ""}`,
  });
}

function nodeCheck(version: string): DoctorCheck {
  if (nodeSupportsRequireEsm(version)) return check("tool.node", "tools", "node", "ok", `v${version}`);
  return check(
    "tool.node",
    "tools",
    "node",
    "fail",
    {
      en: `v${version}: not supported; nsbook needs Node ${NODE_SUPPORTED} (it loads ESM-only packages with require(esm), which v${version} lacks)`,
      ja: `v${version}：対応していない。nsbook には Node ${NODE_SUPPORTED} が必要（ESM だけのパッケージを require(esm) で読み込むが、v${version} にはそれがない）`,
    },
    {
      en: "install Node 22 LTS (https://nodejs.org or NodeSource's Debian packages)",
      ja: "Node 22 LTS を入れる（https://nodejs.org か NodeSource の Debian パッケージ）",
    },
  );
}

/** tool.<name> for every tool nsbook runs, and tool.node. */
export function toolChecks({ facts }: CheckContext): DoctorCheck[] {
  return [nodeCheck(facts.nodeVersion), ...TOOL_SPECS.map((s) => toolCheck(s, facts.tools[s.name]))];
}
