// Bridge networking on the real kernel: a bridge and a veth pair per container, containers that reach each
// other and the bridge, and nothing left (bridge, veth, lease) after removal or after a launcher was killed.
// Traffic goes only between the bridge and network namespaces this test creates. The bridge has a name and a
// subnet of its own (not nsbook0), so a notebook running meanwhile is not disturbed.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type Container,
  startContainer,
  stopAllContainers,
  stopContainer,
} from "../../../src/lib/container/index.js";
import { readState } from "../../../src/lib/core/index.js";
import { readInterfaces, readRoutes } from "../../../src/lib/inspect/index.js";
import { connectivityMatrix } from "../../../src/lib/lab/index.js";
import {
  containerNetwork,
  leaseFilePath,
  readBridgePorts,
  readLeases,
  resolveBridgeOptions,
  unrecordedVeths,
} from "../../../src/lib/network/index.js";
import { type ContainerSandbox, eventually, makeContainerSandbox } from "../../support/container-fixtures.js";
import { all, describeWhen, needPath, needRoot, needTool } from "../../support/requirements.js";

const ROOT = resolve(__dirname, "../../..");
const CLI = join(ROOT, "dist/cli/main.js");
// A bridge name and subnet per test run: "nsbt" + 4 digits of our PID, 10.214.<n>.0/24.
const tag = String(process.pid % 10_000).padStart(4, "0");
const BRIDGE = { name: `nsbt${tag}`, subnet: `10.214.${process.pid % 250}.0/24` };
let box: ContainerSandbox;

/** Interfaces of the host whose name starts with `prefix`, from `ip -o link`. */
function hostLinks(prefix: string): string[] {
  return execFileSync("ip", ["-o", "link"], { encoding: "utf8" })
    .split("\n")
    .map((l) => /^\d+: ([^:@]+)/.exec(l)?.[1] ?? "")
    .filter((n) => n.startsWith(prefix));
}

/** Which of our bridge and the given veths (host ends, and their peers "<name>c") are on the host. */
function ourLinks(vethNames: readonly string[]): string[] {
  const wanted = new Set([BRIDGE.name, ...vethNames, ...vethNames.map((v) => `${v}c`)]);
  return hostLinks("nsb").filter((n) => wanted.has(n));
}

function start(name: string): Promise<Container> {
  return startContainer({ name, rootfs: box.rootfs, network: "bridge", bridge: BRIDGE });
}

describeWhen(
  all(
    needRoot(),
    needTool("unshare", "util-linux"),
    needTool("ip", "iproute2"),
    needPath(CLI, "run `npm run build` first"),
  ),
  "bridge networking",
  () => {
    beforeAll(async () => {
      box = await makeContainerSandbox("nsbook-net-test-");
    });

    afterAll(async () => {
      await stopAllContainers({ timeoutMs: 500, staleCgroups: false });
      box.dispose();
    });

    it("creates the bridge and one veth per container, eth0 inside with its address and a default route", async () => {
      const [a, b] = await Promise.all([start("net-a"), start("net-b")]);
      const netA = containerNetwork(a?.state ?? { resources: [] });
      const netB = containerNetwork(b?.state ?? { resources: [] });
      expect(netA?.bridge).toBe(BRIDGE.name);
      expect(new Set([netA?.address, netB?.address]).size).toBe(2);
      const ports = (await readBridgePorts(BRIDGE.name)).map((p) => p.name).sort();
      expect(ports).toEqual([netA?.hostInterface, netB?.hostInterface].sort());
      const inside = await readInterfaces(a?.pid as number);
      expect(inside.map((i) => i.name).sort()).toEqual(["eth0", "lo"]);
      const eth0 = inside.find((i) => i.name === "eth0");
      expect(eth0?.up).toBe(true);
      expect(eth0?.addresses.map((x) => `${x.address}/${x.prefixLength}`)).toContain(`${netA?.address}/24`);
      const routes = await readRoutes(a?.pid as number);
      expect(routes.find((r) => r.destination === "default")?.gateway).toBe(netA?.gateway);
      const leases = await readLeases(resolveBridgeOptions({ bridge: BRIDGE.name, subnet: BRIDGE.subnet }));
      expect(Object.values(leases.leases).sort()).toEqual(["net-a", "net-b"]);
      const shown = execFileSync(
        process.execPath,
        [CLI, "network", "--bridge", BRIDGE.name, "--subnet", BRIDGE.subnet],
        { encoding: "utf8", env: { ...process.env } },
      );
      expect(shown).toContain(`${netA?.address}`);
      expect(shown).toMatch(/net-a[\s\S]*net-b|net-b[\s\S]*net-a/);
      await Promise.all([a?.dispose({ timeoutMs: 0 }), b?.dispose({ timeoutMs: 0 })]);
    });

    it("lets three containers reach each other and the bridge, then removal leaves no bridge, veth or lease", async () => {
      const names = ["net-1", "net-2", "net-3"];
      const containers = await Promise.all(names.map(start));
      const veths = containers.map((c) => containerNetwork(c.state)?.hostInterface as string);
      const matrix = await connectivityMatrix(names);
      expect(matrix.targets.map((t) => t.label)).toEqual([...names, `bridge ${BRIDGE.name}`]);
      expect(matrix.cells.flat().filter((c) => c && !c.reachable)).toEqual([]);
      expect(matrix.allReachable).toBe(true);
      // The first removals keep the bridge (others still record it); the last one removes it.
      await containers[0]?.remove({ force: true, timeoutMs: 0 });
      expect(hostLinks(BRIDGE.name)).toEqual([BRIDGE.name]);
      await Promise.all(containers.slice(1).map((c) => c.remove({ force: true, timeoutMs: 0 })));
      expect(ourLinks(veths)).toEqual([]);
      expect(existsSync(leaseFilePath(BRIDGE.name))).toBe(false);
      expect(readdirSync(box.runDir)).toEqual([]);
    });

    it("gives a freed address to the next container, and refuses a one-shot run on the bridge", async () => {
      const first = await start("net-x");
      const address = containerNetwork(first.state)?.address;
      await first.dispose({ timeoutMs: 0 });
      const second = await start("net-y");
      expect(containerNetwork(await readState("net-y"))?.address).toBe(address);
      await second.dispose({ timeoutMs: 0 });
      const { runContainer } = await import("../../../src/lib/container/index.js");
      await expect(
        runContainer({
          name: "net-once",
          rootfs: box.rootfs,
          network: "bridge",
          bridge: BRIDGE,
          command: ["true"],
        }),
      ).rejects.toThrow(/needs a detached container/);
      expect(hostLinks(BRIDGE.name)).toEqual([]);
    });

    it("refuses a second subnet on a bridge in use, removing the refused container's records but not the bridge", async () => {
      const a = await start("net-keep");
      const other = `10.215.${process.pid % 250}.0/24`;
      await expect(
        startContainer({
          name: "net-clash",
          rootfs: box.rootfs,
          network: "bridge",
          bridge: { ...BRIDGE, subnet: other },
        }),
      ).rejects.toThrow(/has address .* not /);
      expect(readdirSync(box.runDir).filter((n) => n !== `${BRIDGE.name}.leases.json`)).toEqual(["net-keep"]);
      expect(hostLinks(BRIDGE.name)).toEqual([BRIDGE.name]);
      const matrix = await connectivityMatrix(["net-keep"]);
      expect(matrix.allReachable).toBe(true);
      await a.dispose({ timeoutMs: 0 });
      expect(hostLinks(BRIDGE.name)).toEqual([]);
    });

    it("runs a foreground `nsbook run --net bridge` that sees eth0, and leaves nothing", () => {
      const out = execFileSync(
        process.execPath,
        [
          CLI,
          "run",
          "--rootfs",
          box.rootfs,
          "--net",
          "bridge",
          "--bridge",
          BRIDGE.name,
          "--subnet",
          BRIDGE.subnet,
          "--",
          "ip",
          "-o",
          "addr",
          "show",
          "eth0",
        ],
        { encoding: "utf8", env: { ...process.env } },
      );
      expect(out).toMatch(/eth0\s+inet 10\.214\.\d+\.2\/24/);
      expect(hostLinks(BRIDGE.name)).toEqual([]);
      expect(readdirSync(box.runDir)).toEqual([]);
    });

    it.each([10, 60, 150, 300])(
      "leaves nothing `stop --all` does not clean when the launcher is killed %i ms into the set-up",
      async (delayMs) => {
        const launcher: ChildProcess = spawn(
          process.execPath,
          [
            CLI,
            "run",
            "--detach",
            "--name",
            "net-crash",
            "--rootfs",
            box.rootfs,
            "--net",
            "bridge",
            "--bridge",
            BRIDGE.name,
            "--subnet",
            BRIDGE.subnet,
          ],
          { env: { ...process.env }, stdio: "ignore" },
        );
        await eventually(() => existsSync(join(box.runDir, "net-crash")), 10_000);
        await new Promise((r) => setTimeout(r, delayMs));
        launcher.kill("SIGKILL");
        await new Promise<void>((r) =>
          launcher.exitCode !== null || launcher.signalCode !== null ? r() : launcher.once("exit", () => r()),
        );
        // Whatever the state recorded, read before cleanup: the veth name may be there or not yet.
        const recorded = readdirSync(box.runDir).includes("net-crash")
          ? JSON.parse(readFileSync(join(box.runDir, "net-crash", "state.json"), "utf8") || "{}")
          : undefined;
        const veths: string[] = (recorded?.resources ?? [])
          .filter((r: { kind: string }) => r.kind === "link")
          .map((r: { id: string }) => r.id);
        const report = await stopAllContainers({ timeoutMs: 500, staleCgroups: false });
        expect(report.problems).toEqual([]);
        expect(ourLinks(veths)).toEqual([]);
        // Each veth is recorded before it is created, so the recorded ones are all there can be; the bridge too.
        expect(hostLinks(BRIDGE.name)).toEqual([]);
        expect(await unrecordedVeths(BRIDGE.name)).toEqual([]);
        expect(existsSync(leaseFilePath(BRIDGE.name))).toBe(false);
        expect(readdirSync(box.runDir)).toEqual([]);
        await stopContainer("net-crash", { remove: true, timeoutMs: 0 });
      },
    );
  },
);
