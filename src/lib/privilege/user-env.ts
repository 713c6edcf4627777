// The learner's environment variables that must survive the trip to root. sudo resets the environment
// (env_reset), so a learner behind a corporate proxy would lose https_proxy on the way into the root kernel
// or `nsbook rootfs alpine`, and the download would fail. Only these names are carried, as explicit
// `--user-env NAME=VALUE` arguments that the root side accepts for these names alone.
// scripts/kernel/user-env.sh has the same list for the kernel's way through sudo (a test compares them).
import { NsbookError } from "../errors/index.js";

/** The variables carried from the learner to the root side: proxies, read as curl reads them. */
export const USER_ENV_CARRIED = [
  "https_proxy",
  "HTTPS_PROXY",
  "http_proxy",
  "all_proxy",
  "ALL_PROXY",
  "no_proxy",
  "NO_PROXY",
] as const;

/** `--user-env NAME=VALUE` arguments for the carried variables set in `env`. */
export function userEnvArgs(env: NodeJS.ProcessEnv = process.env): string[] {
  return USER_ENV_CARRIED.flatMap((name) => (env[name] ? ["--user-env", `${name}=${env[name]}`] : []));
}

/**
 * On the root side: takes the leading `--user-env NAME=VALUE` arguments off `args`, sets them in `env`, and
 * returns the rest. A name not in {@link USER_ENV_CARRIED} is refused (nothing else may be smuggled in).
 */
export function takeUserEnvArgs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): string[] {
  let i = 0;
  while (args[i] === "--user-env") {
    const assignment = args[i + 1] ?? "";
    const name = assignment.slice(0, assignment.indexOf("="));
    if (!(USER_ENV_CARRIED as readonly string[]).includes(name)) {
      throw new NsbookError(
        "invalid-option",
        `--user-env ${JSON.stringify(assignment)}: only ${USER_ENV_CARRIED.join(", ")} are carried`,
        { userMistake: true },
      );
    }
    env[name] = assignment.slice(name.length + 1);
    i += 2;
  }
  return args.slice(i);
}
