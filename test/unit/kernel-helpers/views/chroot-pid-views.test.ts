import { describe, expect, it } from "vitest";
import { htmlToText } from "../../../../src/kernel-helpers/display/index.js";
import {
  launchTableHtml,
  namespaceTableHtml,
  pidMappingHtml,
  terminalHtml,
} from "../../../../src/kernel-helpers/index.js";
import type {
  NamespaceComparison,
  PidNamespaceView,
  ProcessSeenInside,
} from "../../../../src/lib/inspect/index.js";

const ids = { real: 0, effective: 0, saved: 0, filesystem: 0 };

function seen(pid: number, nsPid: number[], cmdline: string[], ppidInside = 1): ProcessSeenInside {
  return {
    pid,
    ppid: 0,
    nsPid,
    name: cmdline[0] ?? "x",
    cmdline,
    state: "S",
    uid: ids,
    gid: ids,
    startTimeTicks: 1,
    pidNamespace: 4026532177,
    kernelThread: false,
    pidInside: nsPid[nsPid.length - 1] ?? 0,
    ppidInside,
    nested: false,
  };
}

describe("terminalHtml", () => {
  it("shows the prompt, the command, stdout, stderr and a non-zero exit status", () => {
    const html = terminalHtml(
      [{ command: "kill -0 99", result: { stdout: "", stderr: "kill: can't kill pid 99\n", exitCode: 1 } }],
      { lang: "en" },
    );
    const text = htmlToText(html);
    expect(text).toContain("$ kill -0 99");
    expect(text).toContain("kill: can't kill pid 99");
    expect(text).toContain("[exit status 1]");
    expect(html).toContain("tex2jax_ignore"); // `$` in commands must not become maths
  });

  it("escapes output and cuts it after maxLines, counting what was left out", () => {
    const stdout = `${["<b>", "2", "3", "4"].join("\n")}\n`;
    const html = terminalHtml([{ command: "ps", result: { stdout, stderr: "", exitCode: 0 } }], {
      maxLines: 2,
      lang: "ja",
    });
    expect(html).toContain("&#60;b&#62;");
    expect(html).not.toContain("<b>");
    expect(htmlToText(html)).toContain("… 2 行省略");
    expect(htmlToText(html)).not.toContain("終了コード");
  });

  it("says when a command printed nothing, and names the signal that killed one", () => {
    const text = htmlToText(
      terminalHtml([{ command: "sleep 9", result: { stdout: "", stderr: "", signal: "SIGKILL" } }], {
        lang: "en",
      }),
    );
    expect(text).toContain("(no output)");
    expect(text).toContain("[killed by SIGKILL]");
  });

  it("refuses a negative maxLines", () => {
    expect(() => terminalHtml([], { maxLines: -1 })).toThrow(/maxLines/);
  });
});

describe("namespaceTableHtml", () => {
  const rows: NamespaceComparison[] = [
    { link: "pid", hostInode: 4026531836, containerInode: 4026532177, relation: "different" },
    { link: "mnt", hostInode: 4026531832, containerInode: 4026531832, relation: "shared" },
  ];

  it("labels each link with what it isolates and highlights only the namespaces that differ", () => {
    const html = namespaceTableHtml(rows, { lang: "en" });
    const text = htmlToText(html);
    expect(text).toContain("pid (process IDs)");
    expect(text).toContain("mnt (mounts)");
    expect(html.match(/data-highlight="true"/g)).toHaveLength(1);
  });

  it("speaks Japanese in a Japanese notebook", () => {
    expect(htmlToText(namespaceTableHtml(rows, { lang: "ja" }))).toContain("mnt (マウント)");
  });
});

describe("pidMappingHtml", () => {
  const view: PidNamespaceView = {
    namespace: { inode: 4026532177, level: 1 },
    processes: [
      seen(1324, [1324, 1], ["/bin/sh", "-c", 'eval "$NSBOOK_INIT"'], 0),
      seen(1325, [1325, 2], ["sleep", "infinity"]),
    ],
  };

  it("shows the PID inside, the host PID and the NSpid chain, the init highlighted", () => {
    const html = pidMappingHtml(view, { lang: "en" });
    const text = htmlToText(html);
    expect(text).toContain("1324 → 1");
    expect(text).toContain("sleep infinity");
    expect(html.match(/data-highlight="true"/g)).toHaveLength(1);
  });

  it("cuts long command lines and takes another highlight rule", () => {
    const html = pidMappingHtml(view, {
      maxCommandChars: 8,
      highlight: (p) => p.pidInside === 2,
      lang: "en",
    });
    expect(htmlToText(html)).toContain("sleep i…");
    expect(html.match(/data-highlight="true"/g)).toHaveLength(1);
  });
});

describe("launchTableHtml", () => {
  it("quotes the argv nsbook ran as a shell line next to the original command", () => {
    const text = htmlToText(
      launchTableHtml(
        {
          original: "chroot ./rootfs /bin/sh",
          ran: ["unshare", "--root=/r", "sh", "-c", "echo $$"],
          initPid: 7,
        },
        { lang: "en" },
      ),
    );
    expect(text).toContain("chroot ./rootfs /bin/sh");
    expect(text).toContain("unshare --root=/r sh -c 'echo $$'");
    expect(text).toContain("7");
  });

  it("shows a dash when the launcher is gone", () => {
    expect(htmlToText(launchTableHtml({ original: "x" }, { lang: "en" }))).toContain("—");
  });
});
