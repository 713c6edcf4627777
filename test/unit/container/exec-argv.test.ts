import { describe, expect, it } from "vitest";
import { buildExecArgv, CGROUP_JOIN_SCRIPT } from "../../../src/lib/container/index.js";

const base = {
  mode: "root" as const,
  initPid: 4242,
  namespaces: ["pid", "mount", "uts", "ipc", "net"] as const,
  command: ["hostname"],
  env: { PATH: "/bin" },
};

describe("buildExecArgv", () => {
  it("enters every namespace of the init, its root and its working directory", () => {
    expect(buildExecArgv({ ...base, namespaces: [...base.namespaces] })).toEqual({
      argv: [
        "nsenter",
        "--target=4242",
        "--pid",
        "--mount",
        "--uts",
        "--ipc",
        "--net",
        "--root",
        "--wd",
        "--",
        "hostname",
      ],
      env: { PATH: "/bin" },
    });
  });

  it("names a working directory inside the container with --wdns", () => {
    const plan = buildExecArgv({ ...base, namespaces: ["pid"], workdir: "/tmp" });
    expect(plan.argv).toEqual([
      "nsenter",
      "--target=4242",
      "--pid",
      "--root",
      "--wdns=/tmp",
      "--",
      "hostname",
    ]);
  });

  it("enters the user namespace first for a rootless container, keeping its own (mapped) uid", () => {
    const plan = buildExecArgv({ ...base, namespaces: ["pid", "user"] });
    expect(plan.argv.slice(0, 6)).toEqual([
      "nsenter",
      "--target=4242",
      "--user",
      "--pid",
      "--preserve-credentials",
      "--root",
    ]);
  });

  it("still takes the init's root for a chroot-only container (chroot is not a namespace)", () => {
    expect(buildExecArgv({ ...base, namespaces: [] }).argv).toEqual([
      "nsenter",
      "--target=4242",
      "--root",
      "--wd",
      "--",
      "hostname",
    ]);
  });

  it("goes through sudo and joins the container's cgroups when it has some", () => {
    const plan = buildExecArgv({
      ...base,
      namespaces: ["pid"],
      mode: "sudo",
      cgroupProcsFiles: ["/cg/cgroup.procs"],
    });
    expect(plan.argv.slice(0, 9)).toEqual([
      "sudo",
      "-n",
      "env",
      "-i",
      "PATH=/bin",
      "/bin/sh",
      "-c",
      CGROUP_JOIN_SCRIPT,
      "nsbook-cgroup-join",
    ]);
    expect(plan.argv.slice(9, 12)).toEqual(["/cg/cgroup.procs", "--", "nsenter"]);
  });
});
