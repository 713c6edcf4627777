import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { takeUserEnvArgs, USER_ENV_CARRIED, userEnvArgs } from "../../../src/lib/privilege/user-env.js";

const root = join(__dirname, "../../..");
/** Runs bash with scripts/kernel/user-env.sh sourced. */
function bash(script: string, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync("bash", ["-c", `source scripts/kernel/user-env.sh; ${script}`], {
    cwd: root,
    encoding: "utf8",
    env: { PATH: process.env.PATH, ...env },
  });
}

describe("the learner's proxy settings carried through sudo", () => {
  it("carries the same variables on the CLI's way (TypeScript) and the kernel's (bash)", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash expansion, not a template
    expect(bash('printf "%s\\n" "${NSBOOK_USER_ENV[@]}"').trim().split("\n")).toEqual([...USER_ENV_CARRIED]);
  });

  it("turns the set ones into --user-env arguments, in both languages alike", () => {
    const env = { https_proxy: "http://proxy:3128", NO_PROXY: "localhost,.corp", HOME: "/home/ann" };
    const expected = [
      "--user-env",
      "https_proxy=http://proxy:3128",
      "--user-env",
      "NO_PROXY=localhost,.corp",
    ];
    expect(userEnvArgs(env)).toEqual(expected);
    expect(bash("user_env_args", env).split("\0").filter(Boolean)).toEqual(expected);
  });

  it("sets the carried variables on the root side and returns the remaining arguments", () => {
    const env: NodeJS.ProcessEnv = {};
    const rest = takeUserEnvArgs(["--user-env", "https_proxy=http://p:1", "rootfs", "alpine"], env);
    expect(rest).toEqual(["rootfs", "alpine"]);
    expect(env).toEqual({ https_proxy: "http://p:1" });
    expect(bash('carry_user_env "https_proxy=http://p:1" && echo "$https_proxy"')).toBe("http://p:1\n");
  });

  it("refuses any other variable, so nothing else reaches root this way", () => {
    expect(() => takeUserEnvArgs(["--user-env", "LD_PRELOAD=/tmp/x.so", "ps"], {})).toThrow(
      /--user-env "LD_PRELOAD=\/tmp\/x.so": only https_proxy, HTTPS_PROXY/,
    );
    expect(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash expansion, not a template
      bash('carry_user_env "LD_PRELOAD=/tmp/x.so" 2>&1 || echo "exit $?"; echo "[${LD_PRELOAD:-}]"'),
    ).toBe(
      "--user-env LD_PRELOAD: only https_proxy HTTPS_PROXY http_proxy all_proxy ALL_PROXY no_proxy NO_PROXY are carried\nexit 1\n[]\n",
    );
  });
});
