import { describe, expect, it } from "vitest";
import { htmlToText } from "../../../../src/kernel-helpers/display/index.js";
import {
  launchCommandHtml,
  launchCommandText,
  mountDiffTable,
  parsePsOutput,
  selectMountRows,
} from "../../../../src/kernel-helpers/index.js";
import { PREPARE_ROOT_SCRIPT } from "../../../../src/lib/container/index.js";
import { diffMounts } from "../../../../src/lib/inspect/index.js";
import { parseMountInfo } from "../../../../src/lib/proc/index.js";

describe("parsePsOutput", () => {
  it("reads busybox's PID USER COMMAND columns, commands with spaces kept whole", () => {
    const text = [
      "PID   USER     COMMAND",
      '    1 root     /bin/sh -c eval "$NSBOOK_INIT" nsbook-init /run/x  / ready sleep infinity',
      "    2 root     sleep infinity",
      "    3 root     ps aux",
      "",
    ].join("\n");
    expect(parsePsOutput(text)).toEqual([
      {
        pid: 1,
        user: "root",
        command: '/bin/sh -c eval "$NSBOOK_INIT" nsbook-init /run/x / ready sleep infinity',
      },
      { pid: 2, user: "root", command: "sleep infinity" },
      { pid: 3, user: "root", command: "ps aux" },
    ]);
  });

  it("reads procps's `ps aux`, where USER comes before PID", () => {
    const text = [
      "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND",
      "root           1  0.0  0.0   2384  1536 ?        S    10:00   0:00 /bin/sh",
      "root           7  0.0  0.0   6408  2304 ?        R    10:00   0:00 ps aux",
    ].join("\n");
    expect(parsePsOutput(text).map((p) => [p.pid, p.user, p.command])).toEqual([
      [1, "root", "/bin/sh"],
      [7, "root", "ps aux"],
    ]);
  });

  it("refuses output without a PID column, quoting its header", () => {
    expect(() => parsePsOutput("ps: can't open '/proc': No such file")).toThrow(/no PID column.*proc/);
  });
});

// Host: /, /proc, /sys, /dev, /tmp (shared, like a systemd host). Container: copies made private, /tmp
// unmounted inside, a new proc on the rootfs.
const HOST = parseMountInfo(
  [
    "27 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw",
    "22 27 0:21 / /proc rw,relatime shared:12 - proc proc rw",
    "23 27 0:22 / /sys rw,relatime shared:2 - sysfs sysfs rw",
    "24 27 0:6 / /dev rw,relatime shared:3 - devtmpfs devtmpfs rw",
    "25 27 0:30 / /tmp rw,relatime shared:4 - tmpfs tmpfs rw",
  ].join("\n"),
);
const CONTAINER = parseMountInfo(
  [
    "70 60 254:0 / / rw,relatime - ext4 /dev/vda rw",
    "71 70 0:21 / /proc rw,relatime - proc proc rw",
    "72 70 0:22 / /sys rw,relatime - sysfs sysfs rw",
    "73 70 0:6 / /dev rw,relatime - devtmpfs devtmpfs rw",
    "80 70 0:40 / /var/lib/nsbook/rootfs/busybox/proc rw,nosuid,nodev,noexec,relatime - proc proc rw",
  ].join("\n"),
);

describe("mountDiffTable", () => {
  const diff = diffMounts(HOST, CONTAINER);

  it("lists the differing mounts and the well-known copies, and counts the other copies", () => {
    const { rows, hiddenCopies } = selectMountRows(diff);
    expect(rows.map((r) => [r.mountPoint, r.where])).toEqual([
      ["/", "both"],
      ["/proc", "both"],
      ["/sys", "both"],
      ["/dev", "both"],
      ["/var/lib/nsbook/rootfs/busybox/proc", "inside"],
      ["/tmp", "host"],
    ]);
    expect(hiddenCopies).toBe(0);
    expect(selectMountRows(diff, 1, []).rows.map((r) => r.mountPoint)).toEqual([
      "/",
      "/var/lib/nsbook/rootfs/busybox/proc",
      "/tmp",
    ]);
    expect(selectMountRows(diff, 1, []).hiddenCopies).toBe(3);
  });

  it("shows each side's propagation and a closing row for the copies left out", () => {
    const text = htmlToText(mountDiffTable(diff, { alwaysShow: ["/"], lang: "en" }));
    expect(text).toContain("/ | ext4 | /dev/vda | both (a copy) | shared | private");
    expect(text).toContain("/tmp | tmpfs | tmpfs | only on the host | shared | —");
    expect(text).toContain("… 3 more mounts in both tables");
    expect(text).toContain("4 mounts in both tables, 1 only inside the container, 1 only on the host");
  });

  it("speaks Japanese in a Japanese notebook", () => {
    expect(htmlToText(mountDiffTable(diff, { lang: "ja" }))).toContain("コンテナだけ");
  });

  it("refuses a negative number of copies", () => {
    expect(() => selectMountRows(diff, -1)).toThrow(RangeError);
  });
});

describe("launchCommandText", () => {
  it("puts each stage on its own line, breaks before --, and names nsbook's scripts", () => {
    const argv = [
      "unshare",
      "--mount",
      "--",
      "/bin/sh",
      "-c",
      PREPARE_ROOT_SCRIPT,
      "nsbook-prepare-root",
      "/r",
      "unshare",
      "--fork",
      "--pid",
      "--root=/r",
      "--",
      "/bin/sh",
      "-c",
      'eval "$NSBOOK_INIT"',
      "nsbook-init",
      "",
    ];
    const text = launchCommandText(argv);
    expect(text.lines).toEqual([
      "unshare --mount \\",
      '    -- /bin/sh -c "$PREPARE_ROOT" nsbook-prepare-root /r \\',
      "  unshare --fork --pid --root=/r \\",
      `      -- /bin/sh -c 'eval "$NSBOOK_INIT"' nsbook-init ''`,
    ]);
    expect(text.scripts).toEqual([{ name: "$PREPARE_ROOT", text: PREPARE_ROOT_SCRIPT }]);
  });

  it("wraps a long stage at the given width", () => {
    const lines = launchCommandText(["unshare", "--aaaa", "--bbbb", "--cccc"], 16).lines;
    expect(lines).toEqual(["unshare --aaaa \\", "    --bbbb \\", "    --cccc"]);
  });

  it("escapes the command line and lists the scripts in a collapsed block", () => {
    const html = launchCommandHtml(["unshare", "--", "/bin/sh", "-c", "echo <hi>"], "en");
    expect(html).toContain("&#60;hi&#62;");
    expect(html).toContain("<details>");
    expect(html).toContain("NSBOOK_INIT");
  });
});
