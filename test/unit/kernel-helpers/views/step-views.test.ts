import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { checkResults, checkYourResult, resetChecks } from "../../../../src/kernel-helpers/checks/index.js";
import {
  htmlToText,
  type RecordingSink,
  recordingSink,
  useDisplay,
} from "../../../../src/kernel-helpers/display/index.js";
import {
  alpineUnavailableText,
  chrootProcessCountsHtml,
  containerPiecesHtml,
  processesGoneHtml,
  psRowCount,
  removedContainersHtml,
  rootfsBuiltHtml,
} from "../../../../src/kernel-helpers/index.js";
import type { ProcessSeenInside } from "../../../../src/lib/inspect/index.js";
import { RootfsError } from "../../../../src/lib/rootfs/index.js";

describe("notebook 01's root filesystem views", () => {
  it("says the mirror is unreachable, in each language, when the download failed for lack of a network", () => {
    const offline = new RootfsError("download failed: cannot resolve", {
      cause: Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }),
    });
    expect(alpineUnavailableText(offline, "en")).toContain("cannot reach the Alpine mirror (ENOTFOUND");
    expect(alpineUnavailableText(offline, "en")).toContain("busybox root filesystem instead");
    expect(alpineUnavailableText(offline, "ja")).toContain("ミラーに届きません（ENOTFOUND");
  });

  it("quotes any other failure instead of blaming the network", () => {
    const text = alpineUnavailableText(new RootfsError("checksum mismatch"), "en");
    expect(text).toContain("could not be installed (the download's checksum differs");
    expect(text).not.toContain("internet");
  });

  it("names another failure in Japanese without quoting the English message in the sentence", () => {
    const notFound = Object.assign(
      new RootfsError("download of https://x/y failed: the server answered HTTP 404"),
      {
        httpStatus: 404,
      },
    );
    expect(alpineUnavailableText(notFound, "ja")).toContain("ミラーが HTTP 404 を返しました");
    expect(alpineUnavailableText(notFound, "ja")).not.toContain("server answered");
    const mismatch = alpineUnavailableText(
      new RootfsError("checksum mismatch for x: expected a, got b"),
      "ja",
    );
    expect(mismatch).toContain("チェックサム");
    expect(mismatch).not.toContain("expected");
  });

  it("tells a verified Alpine tarball from a busybox build", () => {
    const alpine = htmlToText(
      rootfsBuiltHtml(
        {
          name: "alpine",
          dir: "/var/lib/nsbook/rootfs/alpine",
          status: "created",
          detail: "",
          marker: { kind: "alpine", created: "", alpineVersion: "3.20.3", arch: "x86_64", sha256: "ab12" },
          notes: [],
          durationMs: 1,
        },
        "en",
      ),
    );
    expect(alpine).toContain("Alpine 3.20.3 minirootfs (x86_64), downloaded and checked");
    expect(alpine).toContain("matches Alpine's published one");
    expect(alpine).toContain("built now");
    const busybox = htmlToText(
      rootfsBuiltHtml(
        {
          name: "busybox",
          dir: "/var/lib/nsbook/rootfs/busybox",
          status: "up-to-date",
          detail: "",
          marker: { kind: "busybox", created: "", busyboxVersion: "1.35.0", sha256: "cd34" },
          notes: [],
          durationMs: 1,
        },
        "ja",
      ),
    );
    expect(busybox).toContain("ホストの静的な busybox 1.35.0");
    expect(busybox).toContain("作成済みで最新");
    expect(busybox).toContain("材料の SHA-256");
  });
});

describe("notebook 01's process counts", () => {
  it("counts ps rows without the header", () => {
    expect(psRowCount("PID   USER     COMMAND\n")).toBe(0);
    expect(psRowCount("PID USER COMMAND\n 1 root init\n 2 root sh\n")).toBe(2);
    expect(psRowCount("")).toBe(0);
  });

  it("puts the three places side by side", () => {
    const text = htmlToText(
      chrootProcessCountsHtml({ host: 140, psInChroot: "PID\n", psWithProc: "PID\n1 a\n2 b\n" }, "en"),
    );
    expect(text).toContain("host: this kernel reads /proc | 140");
    expect(text).toContain("chroot: ps aux (empty /proc) | 0");
    expect(text).toContain("chroot + a proc mounted: ps | 2");
  });
});

describe("the end of a PID namespace and the clean-up table", () => {
  const ids = { real: 0, effective: 0, saved: 0, filesystem: 0 };
  const p = (pid: number, pidInside: number, cmdline: string[]): ProcessSeenInside => ({
    pid,
    ppid: 0,
    nsPid: [pid, pidInside],
    name: cmdline[0] ?? "x",
    cmdline,
    state: "S",
    uid: ids,
    gid: ids,
    startTimeTicks: 1,
    pidNamespace: 4026532177,
    kernelThread: false,
    pidInside,
    ppidInside: 0,
    nested: false,
  });

  it("marks which processes are gone", () => {
    const init = p(500, 1, ["sh", "-c", "init"]);
    const sleeper = p(501, 2, ["sleep", "300"]);
    const text = htmlToText(processesGoneHtml([init, sleeper], [sleeper], "en"));
    expect(text).toContain("1 | 500 | sh -c init | yes");
    expect(text).toContain("2 | 501 | sleep 300 | no");
  });

  it("shows what removing each container did", () => {
    const text = htmlToText(
      removedContainersHtml(
        [{ name: "nsbook-nb01", existed: true, wasRunning: true, escalated: false, removed: true }],
        "ja",
      ),
    );
    expect(text).toContain("nsbook-nb01");
    expect(text).toContain("はい");
  });
});

describe("notebook 04's pieces", () => {
  it("shows one row per step with what this container shows for it", () => {
    const text = htmlToText(
      containerPiecesHtml(
        {
          rootfs: "/r",
          lsRoot: "bin etc",
          processesInside: 2,
          processesOnHost: 140,
          procDeviceInside: "0:60",
          procDeviceOnHost: "0:22",
          hostnameInside: "my-container",
          hostnameOnHost: "vm",
        },
        "en",
      ),
    );
    expect(text).toContain("--root=/r");
    expect(text).toContain("2 processes inside, 140 on the host");
    expect(text).toContain("/proc: device 0:60 inside, 0:22 on host");
    expect(text).toContain("my-container inside, vm on the host");
  });
});

describe("checkYourResult", () => {
  let sink: RecordingSink;
  beforeEach(() => {
    sink = recordingSink();
    useDisplay(sink);
    resetChecks();
    vi.spyOn(process.stderr, "write").mockReturnValue(true);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    useDisplay(undefined);
  });

  it("prompts, and records no check, while nothing was attempted", async () => {
    await checkYourResult("exercise 3", { attempted: false, passed: false }, "make `/bin/ls`", "hint", {
      lang: "en",
    });
    expect(checkResults()).toEqual([]);
    expect(htmlToText(sink.outputs.map((o) => o.data).join(""))).toContain("your turn");
  });

  it("is a real self-check once attempted", async () => {
    await checkYourResult("exercise 3", { attempted: true, passed: false }, "task", "look at the link", {
      lang: "en",
    });
    expect(checkResults()).toMatchObject([{ id: "exercise 3", passed: false, hint: "look at the link" }]);
  });
});
