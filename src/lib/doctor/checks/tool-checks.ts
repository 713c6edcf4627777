// The host tools the course runs, with versions and the package that provides each.

import type { ToolFact } from "../facts.js";
import { NODE_SUPPORTED, nodeSupportsRequireEsm, TOOL_SPECS, type ToolSpec } from "../tool-specs.js";
import type { DoctorCheck } from "../types.js";
import { versionAtLeast } from "../version.js";
import { check, firstLine } from "./check.js";
import type { CheckContext } from "./context.js";

function toolCheck(spec: ToolSpec, fact: ToolFact | undefined): DoctorCheck {
  const id = `tool.${spec.name}`;
  const install = `\`sudo apt-get install ${spec.debianPackage}\``;
  if (!fact?.path && fact?.offPath) {
    // Debian and Ubuntu leave the sbin folders off a user's PATH; nsbook adds them to every command it runs
    // (run-host.ts), and sudo's secure_path has them: the Jupyter kernel and the CLI find the tool.
    return check(
      id,
      "tools",
      spec.name,
      "ok",
      `${fact.offPath} (not on your shell's PATH, which Debian and Ubuntu give only root; nsbook and sudo look there)`,
    );
  }
  if (!fact?.path) {
    return check(
      id,
      "tools",
      spec.name,
      spec.optional ? "warn" : "fail",
      `not found (${spec.usedFor})`,
      install,
    );
  }
  const version = fact.versionOutput === undefined ? undefined : spec.parseVersion(fact.versionOutput);
  const shown = version
    ? `${version}, ${fact.path}`
    : `${fact.path} (version unknown: ${firstLine(fact.versionOutput ?? "") || "no output"})`;
  if (spec.minimum && version && !versionAtLeast(version, spec.minimum.version)) {
    return check(
      id,
      "tools",
      spec.name,
      "fail",
      `${shown}: older than ${spec.minimum.version}, needed for ${spec.minimum.why}`,
      `\`sudo apt-get install --only-upgrade ${spec.debianPackage}\``,
    );
  }
  if (spec.name === "busybox" && fact.isStatic === false) {
    return check(
      id,
      "tools",
      spec.name,
      "warn",
      `${shown}: dynamically linked, so a root filesystem built from it needs the host's libraries`,
      install,
    );
  }
  const linkage = spec.name === "busybox" && fact.isStatic ? ", static" : "";
  return check(id, "tools", spec.name, "ok", `${shown}${linkage}`);
}

function nodeCheck(version: string): DoctorCheck {
  if (nodeSupportsRequireEsm(version)) return check("tool.node", "tools", "node", "ok", `v${version}`);
  return check(
    "tool.node",
    "tools",
    "node",
    "fail",
    `v${version}: not supported; nsbook needs Node ${NODE_SUPPORTED} (it loads ESM-only packages with require(esm), which v${version} lacks)`,
    "install Node 22 LTS (https://nodejs.org or NodeSource's Debian packages)",
  );
}

/** tool.<name> for every tool nsbook runs, and tool.node. */
export function toolChecks({ facts }: CheckContext): DoctorCheck[] {
  return [nodeCheck(facts.nodeVersion), ...TOOL_SPECS.map((s) => toolCheck(s, facts.tools[s.name]))];
}
