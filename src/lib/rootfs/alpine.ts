// Where Alpine Linux publishes its minirootfs tarballs, and which architecture name this machine has there.
import { RootfsError } from "./rootfs-error.js";

/** The Alpine release used when none is given (latest-stable branch v3.20 at the time of writing). */
export const DEFAULT_ALPINE_VERSION = "3.20.3";

/** Alpine's official CDN. */
export const DEFAULT_ALPINE_MIRROR = "https://dl-cdn.alpinelinux.org/alpine";

/** Architecture names Alpine publishes minirootfs tarballs for. */
export const ALPINE_ARCHES = [
  "x86_64",
  "x86",
  "aarch64",
  "armv7",
  "armhf",
  "ppc64le",
  "s390x",
  "riscv64",
  "loongarch64",
] as const;

/** One of {@link ALPINE_ARCHES}. */
export type AlpineArch = (typeof ALPINE_ARCHES)[number];

const FROM_NODE: Readonly<Record<string, AlpineArch>> = {
  x64: "x86_64",
  ia32: "x86",
  arm64: "aarch64",
  ppc64: "ppc64le",
  s390x: "s390x",
  riscv64: "riscv64",
  loong64: "loongarch64",
};

/**
 * Alpine's name for a Node.js architecture (`process.arch`): x64 -> x86_64, arm64 -> aarch64, arm -> armv7
 * (armhf when `armVersion` is 6), ia32 -> x86, ... Throws a {@link RootfsError} for one Alpine does not build.
 */
export function alpineArchFor(nodeArch: string = process.arch, armVersion?: string): AlpineArch {
  if (nodeArch === "arm") {
    const v = armVersion ?? String((process.config.variables as { arm_version?: string }).arm_version ?? "7");
    return v === "6" ? "armhf" : "armv7";
  }
  const arch = FROM_NODE[nodeArch];
  if (!arch) {
    throw new RootfsError(
      `Alpine publishes no minirootfs for this machine's architecture (${nodeArch}): use the offline default ` +
        "(`nsbook rootfs default`), or pass --arch with one of " +
        ALPINE_ARCHES.join(", "),
    );
  }
  return arch;
}

/** Validates an Alpine architecture name given by the user. */
export function validateAlpineArch(arch: string): AlpineArch {
  if (!(ALPINE_ARCHES as readonly string[]).includes(arch)) {
    throw new RootfsError(
      `arch ${JSON.stringify(arch)} is not an Alpine architecture: use one of ${ALPINE_ARCHES.join(", ")}`,
    );
  }
  return arch as AlpineArch;
}

/** Validates an Alpine release version such as "3.20.3" (a point release, not a branch). */
export function validateAlpineVersion(version: string): string {
  if (!/^\d+\.\d+\.\d+$/.test(version)) {
    throw new RootfsError(
      `version ${JSON.stringify(version)} is not an Alpine release: give a full release such as ` +
        `${DEFAULT_ALPINE_VERSION} (see https://alpinelinux.org/releases/)`,
    );
  }
  return version;
}

/** Where one minirootfs tarball and its checksum live. */
export interface AlpineMinirootfsSource {
  /** e.g. "alpine-minirootfs-3.20.3-x86_64.tar.gz" */
  fileName: string;
  /** e.g. "v3.20" */
  branch: string;
  tarballUrl: string;
  sha256Url: string;
}

/**
 * The URLs of a minirootfs in the CDN layout `<mirror>/v<major>.<minor>/releases/<arch>/
 * alpine-minirootfs-<version>-<arch>.tar.gz` (+ `.sha256`). `mirror` must be an http(s) URL.
 */
export function alpineMinirootfsSource(
  version: string,
  arch: AlpineArch,
  mirror: string = DEFAULT_ALPINE_MIRROR,
): AlpineMinirootfsSource {
  validateAlpineVersion(version);
  const branch = `v${version.split(".").slice(0, 2).join(".")}`;
  const fileName = `alpine-minirootfs-${version}-${arch}.tar.gz`;
  const base = mirror.replace(/\/+$/, "");
  const tarballUrl = `${base}/${branch}/releases/${arch}/${fileName}`;
  return { fileName, branch, tarballUrl, sha256Url: `${tarballUrl}.sha256` };
}
