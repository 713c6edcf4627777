import { describe, expect, it } from "vitest";
import {
  alpineArchFor,
  alpineMinirootfsSource,
  DEFAULT_ALPINE_VERSION,
  validateAlpineArch,
  validateAlpineVersion,
} from "../../../src/lib/rootfs/index.js";

describe("alpineArchFor", () => {
  it("maps Node's architecture names to Alpine's", () => {
    expect(alpineArchFor("x64")).toBe("x86_64");
    expect(alpineArchFor("arm64")).toBe("aarch64");
    expect(alpineArchFor("ia32")).toBe("x86");
    expect(alpineArchFor("ppc64")).toBe("ppc64le");
    expect(alpineArchFor("s390x")).toBe("s390x");
    expect(alpineArchFor("riscv64")).toBe("riscv64");
  });

  it("tells armv7 from armv6 (armhf)", () => {
    expect(alpineArchFor("arm", "7")).toBe("armv7");
    expect(alpineArchFor("arm", "6")).toBe("armhf");
  });

  it("says what to do on an architecture Alpine does not build", () => {
    expect(() => alpineArchFor("mips")).toThrow(
      /no minirootfs for this machine's architecture \(mips\).*nsbook rootfs default/,
    );
  });
});

describe("alpineMinirootfsSource", () => {
  it("follows the CDN layout <mirror>/v<major.minor>/releases/<arch>/alpine-minirootfs-<version>-<arch>.tar.gz", () => {
    expect(alpineMinirootfsSource("3.20.3", "x86_64")).toEqual({
      fileName: "alpine-minirootfs-3.20.3-x86_64.tar.gz",
      branch: "v3.20",
      tarballUrl:
        "https://dl-cdn.alpinelinux.org/alpine/v3.20/releases/x86_64/alpine-minirootfs-3.20.3-x86_64.tar.gz",
      sha256Url:
        "https://dl-cdn.alpinelinux.org/alpine/v3.20/releases/x86_64/alpine-minirootfs-3.20.3-x86_64.tar.gz.sha256",
    });
  });

  it("uses the given mirror, with or without a trailing slash", () => {
    const a = alpineMinirootfsSource("3.19.1", "aarch64", "http://127.0.0.1:8080/alpine/");
    expect(a.tarballUrl).toBe(
      "http://127.0.0.1:8080/alpine/v3.19/releases/aarch64/alpine-minirootfs-3.19.1-aarch64.tar.gz",
    );
  });
});

describe("validation", () => {
  it("accepts the default version and refuses branches and junk", () => {
    expect(validateAlpineVersion(DEFAULT_ALPINE_VERSION)).toBe(DEFAULT_ALPINE_VERSION);
    expect(() => validateAlpineVersion("3.20")).toThrow(/not an Alpine release/);
    expect(() => validateAlpineVersion("latest")).toThrow(/not an Alpine release/);
    expect(() => validateAlpineVersion("3.20.3/../../x")).toThrow(/not an Alpine release/);
  });

  it("refuses an unknown architecture and lists the known ones", () => {
    expect(validateAlpineArch("aarch64")).toBe("aarch64");
    expect(() => validateAlpineArch("amd64")).toThrow(
      /"amd64" is not an Alpine architecture: use one of x86_64, x86, aarch64/,
    );
  });
});
