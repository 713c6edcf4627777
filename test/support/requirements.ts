// What a test needs from the machine, and a loud skip (or, in CI, a failure) when it is missing.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe } from "vitest";

/** Whether a requirement is met, and why not. */
export interface Requirement {
  ok: boolean;
  reason: string;
}

const reported = new Set<string>();

function loud(name: string, req: Requirement): void {
  if (req.ok || reported.has(name)) return;
  reported.add(name);
  process.stderr.write(`\n*** SKIPPING "${name}": ${req.reason} ***\n`);
}

/** Running as uid 0. */
export function needRoot(): Requirement {
  const ok = process.getuid?.() === 0;
  return { ok, reason: ok ? "" : "needs root (run the tests with sudo, as CI does)" };
}

/** A program on PATH. */
export function needTool(tool: string, pkg = tool): Requirement {
  try {
    execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
    return { ok: true, reason: "" };
  } catch {
    return { ok: false, reason: `needs \`${tool}\` (apt-get install ${pkg})` };
  }
}

/** A file or directory. */
export function needPath(path: string, why: string): Requirement {
  const ok = existsSync(path);
  return { ok, reason: ok ? "" : `needs ${path} (${why})` };
}

/** All of the given requirements. */
export function all(...reqs: Requirement[]): Requirement {
  const missing = reqs.filter((r) => !r.ok);
  return { ok: missing.length === 0, reason: missing.map((r) => r.reason).join("; ") };
}

/**
 * `describe` that runs only when `req` is met; otherwise it is skipped with the reason in its name and on
 * stderr. When NSBOOK_REQUIRE_ALL=1 (CI, as root) a missing requirement is a failure, not a skip.
 */
export function describeWhen(req: Requirement, name: string, body: () => void): void {
  if (!req.ok && process.env.NSBOOK_REQUIRE_ALL === "1") {
    describe(name, () => {
      throw new Error(`NSBOOK_REQUIRE_ALL=1 but this group cannot run: ${req.reason}`);
    });
    return;
  }
  loud(name, req);
  describe.skipIf(!req.ok)(req.ok ? name : `${name} [SKIPPED: ${req.reason}]`, body);
}
