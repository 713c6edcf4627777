// The host tools the course runs: how to ask their version, which package has them, which steps need them.
import { debianPackageFor } from "../host/index.js";
import { versionParts } from "./version.js";

/** A tool doctor checks. */
export type ToolName =
  | "unshare"
  | "nsenter"
  | "mount"
  | "chroot"
  | "ip"
  | "busybox"
  | "tar"
  | "setpriv"
  | "pivot_root"
  | "jupyter"
  | "chromium-headless-shell";

/** How to check one tool. */
export interface ToolSpec {
  name: ToolName;
  /** Arguments that print its version. */
  versionArgs: string[];
  /** Pulls the version out of what versionArgs printed. */
  parseVersion: (output: string) => string | undefined;
  /** Lowest version nsbook works with, and why. */
  minimum?: { version: string; why: string };
  /** Debian/Ubuntu package to install. */
  debianPackage: string;
  /** What nsbook uses it for. */
  usedFor: string;
  /** Missing is only a warning (nothing in the course stops without it). */
  optional?: boolean;
}

const grab = (re: RegExp) => (output: string) => re.exec(output)?.[1];

const pkg = (tool: string, fallback: string): string => debianPackageFor(tool) ?? fallback;

/** Every tool doctor checks, in report order. */
export const TOOL_SPECS: readonly ToolSpec[] = [
  {
    name: "unshare",
    versionArgs: ["--version"],
    parseVersion: grab(/util-linux (\d[\w.]*)/),
    minimum: { version: "2.32", why: "--kill-child, so a killed unshare takes its container with it" },
    debianPackage: pkg("unshare", "util-linux"),
    usedFor: "creating namespaces",
  },
  {
    name: "nsenter",
    versionArgs: ["--version"],
    parseVersion: grab(/util-linux (\d[\w.]*)/),
    debianPackage: pkg("nsenter", "util-linux"),
    usedFor: "entering a running container (step 7)",
  },
  {
    name: "mount",
    versionArgs: ["--version"],
    parseVersion: grab(/util-linux (\d[\w.]*)/),
    debianPackage: pkg("mount", "mount"),
    usedFor: "mounting /proc, overlays and binds",
  },
  {
    name: "chroot",
    versionArgs: ["--version"],
    parseVersion: grab(/coreutils\)? (\d[\w.]*)/),
    debianPackage: pkg("chroot", "coreutils"),
    usedFor: "changing the root directory (step 1)",
  },
  {
    name: "ip",
    versionArgs: ["-V"],
    parseVersion: grab(/iproute2-(?:ss)?(\d[\w.]*?)(?:,|\s|$)/),
    debianPackage: pkg("ip", "iproute2"),
    usedFor: "network namespaces, veth pairs and bridges (steps 5, 8)",
  },
  {
    name: "busybox",
    versionArgs: [],
    parseVersion: grab(/BusyBox v(\d[\w.]*)/),
    debianPackage: pkg("busybox", "busybox-static"),
    usedFor: "the default root filesystem (must be static: it runs without the host's libraries)",
  },
  {
    name: "tar",
    versionArgs: ["--version"],
    parseVersion: grab(/tar\)? (\d[\w.]*)/),
    debianPackage: pkg("tar", "tar"),
    usedFor: "unpacking root filesystem images",
  },
  {
    name: "setpriv",
    versionArgs: ["--version"],
    parseVersion: grab(/util-linux (\d[\w.]*)/),
    debianPackage: pkg("setpriv", "util-linux"),
    usedFor: "dropping capabilities (step 11)",
  },
  {
    name: "pivot_root",
    versionArgs: ["--version"],
    parseVersion: grab(/util-linux (\d[\w.]*)/),
    debianPackage: "util-linux",
    usedFor: "switching the root with pivot_root (step 11)",
  },
  {
    name: "jupyter",
    versionArgs: ["--version"],
    parseVersion: (out) => {
      const lab = /^jupyterlab\s*:\s*(\d[\w.]*)/m.exec(out)?.[1];
      const nb = /^notebook\s*:\s*(\d[\w.]*)/m.exec(out)?.[1];
      const core = /^jupyter_core\s*:\s*(\d[\w.]*)/m.exec(out)?.[1] ?? /^(\d[\w.]*)\s*$/m.exec(out)?.[1];
      const parts = [lab && `jupyterlab ${lab}`, nb && `notebook ${nb}`].filter(Boolean);
      return parts.length > 0 ? parts.join(", ") : core && `jupyter_core ${core}`;
    },
    debianPackage: pkg("jupyter", "jupyter-notebook"),
    usedFor: "running the course notebooks",
    optional: true,
  },
  {
    name: "chromium-headless-shell",
    versionArgs: ["--version"],
    parseVersion: grab(/(?:Chromium|Chrome)\D*(\d[\w.]*)/),
    debianPackage: pkg("chromium-headless-shell", "chromium-headless-shell"),
    usedFor: "printing handouts to PDF (optional)",
    optional: true,
  },
];

/** The Node versions nsbook runs on, as package.json's `engines` says it. */
export const NODE_SUPPORTED = "20.19 or later on the 20 line, 22.12 or later";

/**
 * Whether this Node can `require()` an ES module (execa 9 and zx's ESM parts are loaded that way).
 * require(esm) came unflagged in 22.12 and was backported to 20.19; Node 21 and 22.0–22.11 never had it,
 * so a plain "at least 20.19" admits versions that fail at the first import.
 */
export function nodeSupportsRequireEsm(version: string): boolean {
  const [major = 0, minor = 0] = versionParts(version);
  if (major === 20) return minor >= 19;
  if (major === 22) return minor >= 12;
  return major >= 23;
}
