import { describe, expect, it } from "vitest";
import { CONTAINER_PATH, normalizeSpec } from "../../../src/lib/container/index.js";
import { NsbookError } from "../../../src/lib/errors/index.js";

const ROOT = "/var/lib/nsbook/rootfs/busybox";
const spec = (options: Parameters<typeof normalizeSpec>[0]) =>
  normalizeSpec(options, ROOT, ["sleep", "infinity"], "xterm");

describe("normalizeSpec", () => {
  it("gives a container step 5's namespaces, its name as hostname, /proc, chroot and a clean environment", () => {
    expect(spec({ name: "web" })).toEqual({
      name: "web",
      rootfs: ROOT,
      namespaces: ["pid", "mount", "uts", "ipc", "net"],
      hostname: "web",
      command: ["sleep", "infinity"],
      env: { PATH: CONTAINER_PATH, HOME: "/root", container: "nsbook", HOSTNAME: "web", TERM: "xterm" },
      workdir: "/",
      rootSwitch: "chroot",
      mountProc: true,
      mountDev: false,
    });
  });

  it("mounts a minimal /dev when the rootfs has no device nodes, only with a mount namespace", () => {
    const bare = { dir: ROOT, hasDevices: false };
    expect(normalizeSpec({}, bare, ["true"]).mountDev).toBe(true);
    expect(normalizeSpec({ namespaces: ["pid"] }, bare, ["true"]).mountDev).toBe(false);
    expect(() => normalizeSpec({ namespaces: ["pid"], mountDev: true }, bare, ["true"])).toThrow(
      /mountDev: mounting \/dev needs the mount namespace/,
    );
  });

  it("generates a name when none is given", () => {
    expect(spec({}).name).toMatch(/^nsb-[0-9a-f]{6}$/);
  });

  it("sets no hostname and mounts no /proc for a chroot-only container", () => {
    const s = spec({ name: "c", namespaces: [] });
    expect(s.hostname).toBeUndefined();
    expect(s.mountProc).toBe(false);
    expect(s.env.HOSTNAME).toBeUndefined();
  });

  it("refuses a hostname without the uts namespace, which would rename the host", () => {
    expect(() => spec({ hostname: "box", namespaces: ["pid", "mount"] })).toThrow(/needs the uts namespace/);
  });

  it("refuses /proc without the mount namespace, which would mount it on the host", () => {
    expect(() => spec({ namespaces: ["pid"], mountProc: true })).toThrow(
      /mountProc: .*needs the mount namespace/,
    );
  });

  it("refuses pivot_root without the mount namespace", () => {
    expect(() => spec({ namespaces: ["pid"], rootSwitch: "pivot_root" })).toThrow(
      /pivot_root.*mount namespace/,
    );
  });

  it("lets the caller's variables replace the defaults", () => {
    expect(spec({ env: { PATH: "/bin", GREETING: "hi" } }).env).toMatchObject({
      PATH: "/bin",
      GREETING: "hi",
    });
  });

  it.each([
    [{ env: { "BAD-NAME": "x" } }, /env name: "BAD-NAME" is not a valid variable name/],
    [{ env: { A: "x\0y" } }, /env.A: .* contains a NUL byte/],
    [{ command: [] }, /command: \[\] must be a non-empty array/],
    [{ command: ["ls", 3 as unknown as string] }, /command\[1\]: 3 must be a string/],
    [{ workdir: "tmp" }, /workdir: "tmp" must be an absolute path/],
    [{ workdir: "/a/../../etc" }, /workdir: .* must not contain "\.\."/],
    [{ hostname: "bad host" }, /hostname: "bad host" is not a valid hostname/],
    [{ namespaces: ["pid", "time"] as never }, /namespaces: "time" is not a namespace/],
    [{ rootSwitch: "jail" as never }, /rootSwitch: "jail" must be "chroot" or "pivot_root"/],
  ])("refuses %j with a message naming the option", (options, message) => {
    const error = (() => {
      try {
        spec(options);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(NsbookError);
    expect((error as Error).message).toMatch(message);
    expect((error as NsbookError).userMistake).toBe(true);
  });

  it("normalizes the working directory", () => {
    expect(spec({ workdir: "/tmp/./x/" }).workdir).toBe("/tmp/x/");
  });
});
