// Turns what a user or the container engine says ("alpine", "./my-root", nothing) into a rootfs directory.
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { defaultRootfsDir, rootfsDir } from "../core/paths.js";
import { listRootfs } from "./list-rootfs.js";
import { looksLikeRootfs } from "./looks-like-rootfs.js";
import { RootfsError } from "./rootfs-error.js";
import { validateRootfsName } from "./rootfs-name.js";

const isPath = (s: string): boolean => s.includes("/") || s === "." || s === "..";

async function available(): Promise<string> {
  const names = (await listRootfs()).map((r) => r.name);
  return names.length > 0 ? `available: ${names.join(", ")}` : "there are none yet";
}

/**
 * The absolute directory of a root filesystem:
 * - undefined: the default busybox rootfs (`defaultRootfsDir()`); a {@link RootfsError} says
 *   "no root filesystem yet: run `nsbook rootfs default`" when it is absent or incomplete;
 * - a name ("alpine"): `rootfsDir(name)`, which must exist and hold /bin/sh or /bin/busybox;
 * - a path (anything with a "/", or "." / ".."; relative to the working directory): that directory, which must
 *   hold /bin/sh or /bin/busybox (resolved inside it).
 */
export async function resolveRootfs(nameOrPath?: string): Promise<string> {
  if (nameOrPath === undefined || nameOrPath === "") {
    const dir = defaultRootfsDir();
    if (!(await looksLikeRootfs(dir))) {
      throw new RootfsError(
        `no root filesystem yet: run \`nsbook rootfs default\` (it builds ${dir} from the host's busybox, offline)`,
      );
    }
    return dir;
  }
  if (isPath(nameOrPath)) {
    const dir = resolve(nameOrPath);
    const s = await stat(dir).catch(() => undefined);
    if (!s?.isDirectory())
      throw new RootfsError(`rootfs ${JSON.stringify(nameOrPath)} is not a directory (${dir})`);
    if (!(await looksLikeRootfs(dir))) {
      throw new RootfsError(
        `${dir} does not look like a root filesystem: it has no /bin/sh nor /bin/busybox inside`,
      );
    }
    return dir;
  }
  const name = validateRootfsName(nameOrPath, "rootfs");
  const dir = rootfsDir(name);
  const s = await stat(dir).catch(() => undefined);
  if (!s?.isDirectory()) {
    const hint =
      name === "busybox"
        ? "run `nsbook rootfs default`"
        : name === "alpine"
          ? "run `nsbook rootfs alpine`"
          : `import one with \`nsbook rootfs import ${name} --from FILE\``;
    throw new RootfsError(`no root filesystem named "${name}" (${await available()}): ${hint}`);
  }
  if (!(await looksLikeRootfs(dir))) {
    throw new RootfsError(
      `root filesystem "${name}" (${dir}) has no /bin/sh nor /bin/busybox inside: rebuild it, or remove it with \`nsbook rootfs remove ${name}\``,
    );
  }
  return dir;
}
