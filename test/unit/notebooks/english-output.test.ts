import { describe, expect, it } from "vitest";
import type { Notebook } from "../../../scripts/notebooks/notebook-json.js";
import {
  englishOutputProblems,
  englishSentence,
  proseLinesOfHtml,
} from "../../notebooks/support/english-output.js";

describe("englishSentence", () => {
  it.each([
    "nothing to remove",
    "stopped and removed: (none)",
    "left as they are: nsbook-nb01, nsbook-nb02",
    "killed: out of memory",
    "stopped and removed: nsbook-nb08-1, nsbook-nb08-2",
    "the container is not running: start it first",
    "run `npm run build` in the project folder, then Kernel → Restart",
    "v1 at /sys/fs/cgroup/cpu, caller in /, can create children",
    "v1、/sys/fs/cgroup/cpuset。a new v1 cpuset cgroup starts with empty cpuset.cpus: copy the parent's values",
  ])("catches the English sentence %j", (line) => {
    expect(englishSentence(line)).toBeDefined();
  });

  it.each([
    ["Japanese text with English words in it", "コンテナ nsbook-nb01 は動いていません (not running)"],
    [
      "a tool's message quoted in Japanese",
      "`unshare --pid` が失敗した：unshare: unshare failed: Operation not permitted",
    ],
    ["a command echoed with $", "$ ls -la /proc/self/ns"],
    ["a command echoed with a host prompt", "host# ip -br link show master nsbook0"],
    ["a tool's message about itself", "sh: can't create /proc/sys/kernel/hostname: Read-only file system"],
    ["a numbered busybox sh message", "sh: 1: cannot open /x: No such file or directory"],
    ["an ls listing", "bin dev etc home lib proc root sys tmp usr var"],
    ["ps output", "PID USER TIME COMMAND"],
    [
      "a ps row whose command is a shell loop",
      "    2 root     sh -c for n in $(seq 1); do sleep 100000 & done; wait",
    ],
    [
      "ip link output",
      "2: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP qlen 1000",
    ],
    ["ping output", "64 bytes from 10.0.0.3: seq=0 ttl=64 time=0.101 ms"],
    ["ping statistics", "3 packets transmitted, 3 packets received, 0% packet loss"],
    ["a mount line", "tmpfs on /tmp type tmpfs (rw,nosuid,nodev,relatime)"],
    ["a bare errno text", "No such file or directory"],
    ["/proc/self/status", "CapEff:\t0000000000000000"],
    ["a label of two words", "exit code 1"],
    [
      "uname -a",
      "Linux vm 6.1.0-27-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01) x86_64 GNU/Linux",
    ],
    ["df's header", "Filesystem Size Used Available Use% Mounted on"],
    ["identifiers only", "nsbook-nb08-1 10.200.0.2/24 veth-1a2b"],
    ["an empty line", "   "],
  ])("lets %s through", (_what, line) => {
    expect(englishSentence(line)).toBeUndefined();
  });

  it("names the words and the function words that made it a sentence", () => {
    expect(englishSentence("nothing to clean up")).toEqual({
      words: ["nothing", "to", "clean", "up"],
      glue: ["nothing", "to"],
    });
  });
});

describe("proseLinesOfHtml", () => {
  it("gives one line per table cell and caption, skipping monospace, code and attributes", () => {
    const html =
      '<table data-x="the check is not run"><caption>What doctor found</caption>' +
      '<tr><td>nothing is left</td><td><span style="font-family:ui-monospace,monospace">this is a path and it is mono</span></td></tr>' +
      "<tr><td>run <code>the command is here</code> now</td></tr></table>" +
      "<pre>kernel output is not the course's</pre><div>A &amp; B</div>";
    expect(proseLinesOfHtml(html)).toEqual(["What doctor found", "nothing is left", "run now", "A & B"]);
  });

  it("keeps the text after a closed monospace element", () => {
    expect(proseLinesOfHtml("<p><code>x</code> is not <b>set</b><br>next</p>")).toEqual([
      "is not set",
      "next",
    ]);
  });
});

describe("englishOutputProblems", () => {
  const notebook = (outputs: unknown[]): Notebook =>
    ({
      cells: [
        { cell_type: "markdown", id: "m", metadata: {}, source: ["This is not output."] },
        { cell_type: "code", id: "c1", metadata: {}, source: [], outputs },
      ],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    }) as unknown as Notebook;

  it("reports every English line of stdout and HTML at once, with its cell", () => {
    const nb = notebook([
      { output_type: "stream", name: "stdout", text: ["$ ls /\n", "bin etc\n", "nothing to remove\n"] },
      { output_type: "stream", name: "stderr", text: ["this is stderr and is an error\n"] },
      {
        output_type: "display_data",
        data: { "text/html": "<div>片付けるものはありません</div><div>all of it is gone</div>" },
        metadata: {},
      },
    ]);
    expect(englishOutputProblems(nb)).toEqual([
      "cell 2 (c1) printed English (stdout): nothing to remove",
      "cell 2 (c1) printed English (html): all of it is gone",
    ]);
  });

  it("joins a line a tool wrote in pieces that arrived as separate stdout outputs, as JupyterLab shows it", () => {
    const nb = notebook([
      { output_type: "stream", name: "stdout", text: "$ chroot /tmp/handmade /bin/ls /\nchroot: " },
      { output_type: "stream", name: "stdout", text: "failed to run command ‘/bin/ls’" },
      { output_type: "stream", name: "stdout", text: ": No such file or directory\n" },
    ]);
    expect(englishOutputProblems(nb)).toEqual([]);
  });

  it("does not join stdout across another output", () => {
    const nb = notebook([
      { output_type: "stream", name: "stdout", text: "chroot: " },
      { output_type: "display_data", data: { "text/html": "<div>表</div>" }, metadata: {} },
      { output_type: "stream", name: "stdout", text: "failed to run command ‘/bin/ls’\n" },
    ]);
    expect(englishOutputProblems(nb)).toEqual([
      "cell 2 (c1) printed English (stdout): failed to run command ‘/bin/ls’",
    ]);
  });

  it("finds nothing in Japanese output", () => {
    const nb = notebook([{ output_type: "stream", name: "stdout", text: "片付けるものはありません\n" }]);
    expect(englishOutputProblems(nb)).toEqual([]);
  });
});
