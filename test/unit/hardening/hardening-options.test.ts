// capDrop and hardening, from the option to the argv: validation, defaults, setpriv's spelling, the CLI flags.

import { describe, expect, it } from "vitest";
import { hardeningFromFlags } from "../../../src/cli/hardening-flags.js";
import { UsageError } from "../../../src/cli/usage-error.js";
import {
  buildLaunchArgv,
  HARDENED_PIVOT_MARKER,
  HARDENED_PIVOT_SCRIPT,
  normalizeSpec,
  PIVOT_ROOT_SCRIPT,
} from "../../../src/lib/container/index.js";
import { InvalidOptionError } from "../../../src/lib/errors/index.js";
import {
  DOCKER_DEFAULT_CAPABILITIES,
  decodeCapabilityMask,
  keptCapabilities,
  LINUX_CAPABILITIES,
  normalizeCapDrop,
  RUNC_MASKED_PATHS,
  RUNC_READONLY_PATHS,
  setprivDropList,
} from "../../../src/lib/hardening/index.js";
import {
  boundedForkLoopScript,
  hardeningComparison,
  parseForkLoopStarted,
} from "../../../src/lib/lab/index.js";

const spec = (options: Parameters<typeof normalizeSpec>[0]) =>
  normalizeSpec({ name: "web", ...options }, "/data/rootfs/busybox", ["sleep", "infinity"], undefined);
const base = {
  mode: "root" as const,
  stateDir: "/run/nsbook/web",
  reportReady: false,
  dieWithLauncher: false,
};

describe("normalizeCapDrop", () => {
  it("accepts names in any case, with or without CAP_, and returns them once each in kernel order", () => {
    expect(normalizeCapDrop(["mknod", "CAP_SYS_ADMIN", "chown", "MKNOD"])).toEqual([
      "CHOWN",
      "SYS_ADMIN",
      "MKNOD",
    ]);
  });

  it("lets ALL stand for every capability", () => {
    expect(normalizeCapDrop(["chown", "all"])).toEqual(["ALL"]);
    expect(keptCapabilities(["ALL"])).toEqual([]);
    expect(keptCapabilities(["CHOWN"])).toHaveLength(LINUX_CAPABILITIES.length - 1);
  });

  it("refuses an unknown name, naming it and saying what to use", () => {
    expect(() => normalizeCapDrop(["SYS_ADMN"])).toThrow(/"SYS_ADMN" is not a Linux capability.*SYS_ADMIN/);
    expect(() => normalizeCapDrop("SYS_ADMIN")).toThrow(/capDrop: "SYS_ADMIN" must be an array/);
  });
});

describe("setpriv's spelling and /proc's masks", () => {
  it("writes drops in lower case without cap_, and -all for ALL", () => {
    expect(setprivDropList(["SYS_ADMIN", "MKNOD"])).toBe("-sys_admin,-mknod");
    expect(setprivDropList(["ALL"])).toBe("-all");
  });

  it("decodes a CapEff mask into names", () => {
    expect(decodeCapabilityMask("0000000000000000")).toEqual([]);
    expect(decodeCapabilityMask("0000000000200001")).toEqual(["CHOWN", "SYS_ADMIN"]);
    expect(decodeCapabilityMask("000001ffffffffff")).toEqual(LINUX_CAPABILITIES);
  });
});

describe("the container options", () => {
  it("picks pivot_root when hardening is asked for without a root switch, and stores the normalized values", () => {
    const s = spec({ capDrop: ["net_raw"], hardening: { maskPaths: true } });
    expect(s.rootSwitch).toBe("pivot_root");
    expect(s.capDrop).toEqual(["NET_RAW"]);
    expect(s.hardening).toEqual({ maskPaths: true, readonlyPaths: false, noNewPrivs: false });
    expect(spec({}).rootSwitch).toBe("chroot");
    expect(spec({ capDrop: [] })).not.toHaveProperty("capDrop");
  });

  it("refuses hardening with chroot or without a mount namespace, and unknown hardening keys", () => {
    expect(() => spec({ capDrop: ["ALL"], rootSwitch: "chroot" })).toThrow(/pivot_root/);
    expect(() => spec({ hardening: { readonlyPaths: true }, namespaces: ["pid"] })).toThrow(/mount/);
    expect(() => spec({ hardening: { maskpaths: true } as never })).toThrow(
      /"maskpaths" is not a hardening option/,
    );
  });

  it("runs the hardened pivot with the drop list, the masks and the read-only paths as positional arguments", () => {
    const s = spec({
      capDrop: ["SYS_ADMIN"],
      hardening: { maskPaths: true, readonlyPaths: true, noNewPrivs: true },
    });
    const argv = buildLaunchArgv(s, base).argv;
    expect(argv).not.toContain(PIVOT_ROOT_SCRIPT);
    const at = argv.indexOf(HARDENED_PIVOT_SCRIPT);
    expect(at).toBeGreaterThan(0);
    const args = argv.slice(at + 1);
    expect(args.slice(0, 5)).toEqual([
      HARDENED_PIVOT_MARKER,
      "/data/rootfs/busybox",
      "proc",
      "-sys_admin",
      "nnp",
    ]);
    const masks = args.slice(5, 5 + RUNC_MASKED_PATHS.length + 1 + RUNC_READONLY_PATHS.length + 1);
    expect(masks).toEqual([...RUNC_MASKED_PATHS, "--", ...RUNC_READONLY_PATHS, "--"]);
    // Nothing of the data is spliced into the script text.
    expect(HARDENED_PIVOT_SCRIPT).not.toContain("sys_admin");
    expect(HARDENED_PIVOT_SCRIPT).not.toContain("/proc/kcore");
  });

  it("keeps the plain pivot_root script when nothing is hardened", () => {
    expect(buildLaunchArgv(spec({ rootSwitch: "pivot_root" }), base).argv).toContain(PIVOT_ROOT_SCRIPT);
  });
});

describe("nsbook run's flags", () => {
  it("reads repeated and comma-separated --cap-drop, --readonly-paths and --no-new-privs", () => {
    expect(
      hardeningFromFlags(
        { "cap-drop": ["sys_admin,mknod", "NET_RAW"], "readonly-paths": true, "no-new-privs": true },
        "u",
      ),
    ).toEqual({
      capDrop: ["NET_RAW", "SYS_ADMIN", "MKNOD"],
      hardening: { maskPaths: true, readonlyPaths: true, noNewPrivs: true },
    });
    expect(hardeningFromFlags({}, "u")).toEqual({});
  });

  it("makes a bad capability name a usage error that names the flag", () => {
    const e = (() => {
      try {
        hardeningFromFlags({ "cap-drop": ["bogus"] }, "u");
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(UsageError);
    expect((e as Error).message).toMatch(/^--cap-drop: "bogus" is not a Linux capability/);
  });
});

describe("the fork loop and the comparison", () => {
  it("bounds the loop and reports how many sleepers it started", () => {
    expect(boundedForkLoopScript(500)).toContain("-lt 500 ]");
    expect(() => boundedForkLoopScript(0)).toThrow(InvalidOptionError);
    expect(parseForkLoopStarted("x\nstarted 17\n")).toBe(17);
    expect(parseForkLoopStarted("")).toBeUndefined();
  });

  it("compares capabilities, paths and seccomp with Docker's defaults", () => {
    const rows = hardeningComparison({ capDrop: ["ALL"], pids: 64 });
    const row = (aspect: string) => rows.find((r) => r.aspect === aspect);
    expect(row("capabilities kept by root")).toMatchObject({
      nsbookDefault: "all of root's (up to 41)",
      nsbookHardened: "none",
    });
    expect(row("capabilities kept by root")?.docker).toContain(`${DOCKER_DEFAULT_CAPABILITIES.length}:`);
    expect(row("seccomp")?.nsbookHardened).toMatch(/none/);
    expect(row("pids limit")?.nsbookHardened).toBe("64");
    expect(row("root switch")?.nsbookDefault).toMatch(/chroot/);
  });
});
