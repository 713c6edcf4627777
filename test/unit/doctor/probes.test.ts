import { describe, expect, it } from "vitest";
import { OVERLAY_PROBE_SCRIPT, probeArgv } from "../../../src/lib/doctor/probes.js";

describe("probeArgv", () => {
  it("as root tries the namespace alone", () => {
    expect(probeArgv("ns.pid", "root")).toEqual(["unshare", "--pid", "--fork", "true"]);
    expect(probeArgv("ns.proc", "root")).toEqual([
      "unshare",
      "--pid",
      "--fork",
      "--mount",
      "--mount-proc",
      "true",
    ]);
    expect(probeArgv("ns.user", "root")).toEqual(["unshare", "--user", "true"]);
    expect(probeArgv("fs.chroot", "root")).toEqual(["chroot", "/", "true"]);
  });

  it("in sudo mode goes through sudo -n (never a password prompt)", () => {
    expect(probeArgv("ns.net", "sudo")).toEqual(["sudo", "-n", "unshare", "--net", "true"]);
    expect(probeArgv("fs.chroot", "sudo")).toEqual(["sudo", "-n", "chroot", "/", "true"]);
  });

  it("rootless runs everything inside a user namespace mapped to root", () => {
    expect(probeArgv("ns.uts", "rootless")).toEqual([
      "unshare",
      "--user",
      "--map-root-user",
      "--uts",
      "true",
    ]);
    expect(probeArgv("ns.user", "rootless")).toEqual(["unshare", "--user", "--map-root-user", "true"]);
    expect(probeArgv("fs.chroot", "rootless")).toEqual([
      "unshare",
      "--user",
      "--map-root-user",
      "chroot",
      "/",
      "true",
    ]);
  });

  it("mounts the overlay on a tmpfs of its own, in a mount namespace of its own", () => {
    expect(probeArgv("fs.overlay", "rootless")).toEqual([
      "unshare",
      "--user",
      "--map-root-user",
      "--mount",
      "sh",
      "-c",
      OVERLAY_PROBE_SCRIPT,
    ]);
    expect(OVERLAY_PROBE_SCRIPT).toMatch(/^mount -t tmpfs nsbook-doctor \/tmp && /);
    expect(probeArgv("fs.overlay", "sudo").slice(0, 4)).toEqual(["sudo", "-n", "unshare", "--mount"]);
  });
});
