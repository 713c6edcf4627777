import { describe, expect, it } from "vitest";
import { type IsolationFacts, isolationRows, isolationTable } from "../../../../src/kernel-helpers/index.js";

const host: IsolationFacts = {
  label: "host",
  pid: 100,
  hostname: "vm",
  namespaces: { pid: 1, mnt: 2, uts: 3, net: 4, ipc: 5, user: 6, cgroup: 7, time: 8 },
  processCount: 98,
};
const container = (n: number): IsolationFacts => ({
  label: `nsbook-nb07-${n}`,
  pid: 200 + n,
  hostname: `container-${n}`,
  namespaces: {
    pid: 10 * n + 1,
    mnt: 10 * n + 2,
    uts: 10 * n + 3,
    net: 10 * n + 4,
    ipc: 5,
    user: 6,
    cgroup: 7,
    time: 8,
  },
  processCount: n + 2,
});

describe("isolationRows", () => {
  it("marks a container's value as differing only where it is not the host's", () => {
    const rows = isolationRows(host, [container(1), container(2)], "en");
    const byLabel = new Map(rows.map((r) => [r.label, r.cells.map((c) => c.differs)]));
    expect(byLabel.get("hostname")).toEqual([false, true, true]);
    expect(byLabel.get("net ns")).toEqual([false, true, true]);
    expect(byLabel.get("ipc ns")).toEqual([false, false, false]);
    expect(byLabel.get("processes seen")).toEqual([false, true, true]);
  });

  it("never marks the PIDs, which always differ and say nothing about isolation", () => {
    const rows = isolationRows(host, [container(1)], "en");
    expect(rows[0]?.label).toBe("host PID (of init)");
    expect(rows[0]?.cells.map((c) => c.differs)).toEqual([false, false]);
  });

  it("shows a namespace it could not read as a dash", () => {
    const blind = { ...container(1), namespaces: { ...container(1).namespaces, time: undefined } };
    const time = isolationRows(host, [blind], "en").find((r) => r.label === "time ns");
    expect(time?.cells[1]?.text).toBe("—");
  });
});

describe("isolationTable", () => {
  it("heads the columns with the host and the container names, and tags differing cells", () => {
    const html = isolationTable(host, [container(1), container(2)], { lang: "en" });
    expect(html).toContain('class="nsbook-isolation ');
    expect(html).toMatch(/<th[^>]*>nsbook-nb07-2<\/th>/);
    // hostname, pid, mnt, uts, net and the process count differ for each of the two containers
    expect(html.match(/data-differs="true"/g)).toHaveLength(12);
  });

  it("escapes what it shows", () => {
    const html = isolationTable({ ...host, hostname: "<b>" }, [], { lang: "en" });
    expect(html).toContain("&#60;b&#62;");
    expect(html).not.toContain("<b>");
  });
});
