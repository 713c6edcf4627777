import { describe, expect, it } from "vitest";
import { hintFor } from "../../../src/lib/host/index.js";

describe("hintFor", () => {
  it("explains unshare EPERM with sudo and the Debian sysctl", () => {
    const h = hintFor({
      argv: ["unshare", "--pid", "true"],
      exitCode: 1,
      stderr: "unshare: unshare failed: Operation not permitted",
    });
    expect(h).toMatch(/sudo/);
    expect(h).toMatch(/unprivileged_userns_clone/);
  });

  it("explains Ubuntu's refused uid_map write with the AppArmor sysctl", () => {
    const h = hintFor({
      argv: ["unshare", "--user", "--map-root-user", "true"],
      exitCode: 1,
      stderr: "unshare: write failed /proc/self/uid_map: Operation not permitted",
    });
    expect(h).toMatch(/kernel\.apparmor_restrict_unprivileged_userns/);
  });

  it("explains ENOSPC from unshare as the user namespace limit", () => {
    const h = hintFor({
      argv: ["unshare", "--user", "true"],
      exitCode: 1,
      stderr: "unshare: unshare failed: No space left on device",
    });
    expect(h).toMatch(/max_user_namespaces/);
  });

  it("names the package for exit code 127", () => {
    expect(hintFor({ argv: ["ip", "-j", "addr"], exitCode: 127, stderr: "" })).toMatch(
      /apt-get install iproute2/,
    );
  });

  it("explains EBUSY and EINVAL from cgroupfs", () => {
    expect(
      hintFor({
        argv: ["sh"],
        exitCode: 1,
        stderr: "write /sys/fs/cgroup/x/cgroup.subtree_control: Device or resource busy",
      }),
    ).toMatch(/no internal processes/);
    expect(
      hintFor({ argv: ["sh"], exitCode: 1, stderr: "write /sys/fs/cgroup/x/cpu.max: Invalid argument" }),
    ).toMatch(/cpu period/);
  });

  it("gives no hint for an unknown failure", () => {
    expect(hintFor({ argv: ["false"], exitCode: 1, stderr: "" })).toBeUndefined();
  });
});
