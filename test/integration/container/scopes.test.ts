// Learners' scopes on the real kernel: two learners (kernels) start containers of the same name at once, each
// with cgroups and a bridge network; their state, cgroups, bridges, subnets and leases stay apart; removing one
// leaves the other running; root lists and removes both, and nothing is left. Runs in a sandbox run directory.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { findContainerCgroups } from "../../../src/lib/cgroups/index.js";
import {
  type Container,
  locateContainer,
  removeScopeIfEmpty,
  startContainer,
  stopAllContainers,
} from "../../../src/lib/container/index.js";
import { type ContainerScope, scopeRunDir, withScope } from "../../../src/lib/core/paths.js";
import {
  containerNetwork,
  readBridge,
  readLeases,
  resolveBridgeOptions,
  scopeBridgeName,
} from "../../../src/lib/network/index.js";
import {
  type ContainerSandbox,
  makeContainerSandbox,
  markedProcesses,
} from "../../support/container-fixtures.js";
import { all, describeWhen, needPath, needRoot, needTool } from "../../support/requirements.js";

const ROOT = resolve(__dirname, "../../..");
const CLI = join(ROOT, "dist/cli/main.js");
const NAME = "nsbook-nb07-1";
const tag = String(process.pid % 100_000);
const ALICE: ContainerScope = { learner: "alice", session: `kernel-aaaa${tag}-1` };
const BOB: ContainerScope = { learner: "bob", session: `kernel-bbbb${tag}-2` };
// Alice's second kernel: a learner may have several notebooks open, each kernel a session of its own.
const ALICE_2: ContainerScope = { learner: "alice", session: `kernel-cccc${tag}-3` };
let box: ContainerSandbox;

function start(scope: ContainerScope, name = NAME): Promise<Container> {
  return withScope(scope, () =>
    startContainer({ name, rootfs: box.rootfs, network: "bridge", resources: { memory: "64M" } }),
  );
}

/** The leases of the bridge `container` is attached to, read in `scope`. */
function leasesOf(scope: ContainerScope, container: Container) {
  const net = containerNetwork(container.state);
  const subnet = `${(net?.address ?? "").split(".").slice(0, 3).join(".")}.0/24`;
  return withScope(scope, () => readLeases(resolveBridgeOptions({ bridge: net?.bridge, subnet })));
}

/** `nsbook ARGS` as unscoped root (the instructor) with the sandbox's run directory; stdout. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): string {
  const clean = { ...process.env, ...env };
  if (!env.SUDO_USER) delete clean.SUDO_USER;
  if (!env.NSBOOK_SCOPE) delete clean.NSBOOK_SCOPE;
  return execFileSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: clean });
}

function hostHasLink(name: string): boolean {
  return execFileSync("ip", ["-o", "link"], { encoding: "utf8" }).includes(` ${name}:`);
}

describeWhen(
  all(
    needRoot(),
    needTool("unshare", "util-linux"),
    needTool("ip", "iproute2"),
    needPath(CLI, "run `npm run build` first"),
  ),
  "learners' scopes",
  () => {
    beforeAll(async () => {
      box = await makeContainerSandbox("nsbook-scope-test-");
      // The host's nsbook0 is not ours to take: an unscoped lease file says it is in use, so both scopes get a
      // bridge of their own (the first scope would otherwise get nsbook0 itself; see scope-network.ts).
      mkdirSync(box.runDir, { recursive: true });
      writeFileSync(join(box.runDir, "nsbook0.leases.json"), "{}\n");
    });

    afterAll(async () => {
      for (const scope of [ALICE, ALICE_2, BOB]) {
        await withScope(scope, () => stopAllContainers({ timeoutMs: 0 }));
        await removeScopeIfEmpty(scope);
      }
      box.dispose();
    });

    it("keeps two learners' containers of one name apart, and removing one leaves the other", async () => {
      const [a, b] = await Promise.all([start(ALICE), start(BOB)]);
      expect(await a.status()).toBe("running");
      expect(await b.status()).toBe("running");
      expect(a.pid).not.toBe(b.pid);
      // State: one folder per scope, under the base run directory.
      expect(readdirSync(scopeRunDir(ALICE))).toContain(NAME);
      expect(readdirSync(scopeRunDir(BOB))).toContain(NAME);
      expect(readdirSync(box.runDir)).not.toContain(NAME);
      // cgroups: different directories, each holding its own init.
      const [cgA, cgB] = await Promise.all([
        withScope(ALICE, () => findContainerCgroups(NAME)),
        withScope(BOB, () => findContainerCgroups(NAME)),
      ]);
      expect(cgA.dirName).toBe(`nsbook-alice.${ALICE.session}.${NAME}`);
      expect(cgB.dirName).toBe(`nsbook-bob.${BOB.session}.${NAME}`);
      expect(cgA.dirs.some((d) => cgB.dirs.includes(d))).toBe(false);
      // Networks: a bridge each, disjoint subnets, leases not shared.
      const netA = containerNetwork(a.state);
      const netB = containerNetwork(b.state);
      expect(netA?.bridge).toBe(scopeBridgeName(ALICE));
      expect(netB?.bridge).toBe(scopeBridgeName(BOB));
      expect(netA?.bridge).not.toBe(netB?.bridge);
      expect(hostHasLink(scopeBridgeName(ALICE)) && hostHasLink(scopeBridgeName(BOB))).toBe(true);
      const subnetOf = (address = "") => address.split(".").slice(0, 3).join(".");
      expect(subnetOf(netA?.address)).not.toBe(subnetOf(netB?.address));
      expect(netA?.hostInterface).not.toBe(netB?.hostInterface);
      const leasesA = await withScope(ALICE, async () => {
        const bridge = (await readBridge("nsbook0"))?.name;
        expect(bridge).toBe(scopeBridgeName(ALICE)); // "nsbook0" means the scope's own bridge
        return readLeases(resolveBridgeOptions({ bridge, subnet: `${subnetOf(netA?.address)}.0/24` }));
      });
      expect(leasesA.leases).toEqual({ [netA?.address as string]: NAME });

      // Root sees both, with whose they are; a bare name is ambiguous for root, not for a learner.
      const listed = JSON.parse(cli(["ps", "--json"])) as {
        name: string;
        learner?: string;
        session?: string;
      }[];
      expect(listed.filter((c) => c.name === NAME).map((c) => `${c.learner}/${c.session}`)).toEqual([
        `alice/${ALICE.session}`,
        `bob/${BOB.session}`,
      ]);
      expect(cli(["ps"])).toMatch(/LEARNER\s+SESSION\s+NAME/);
      await expect(locateContainer(NAME)).rejects.toThrow(/2 containers are named "nsbook-nb07-1": alice\//);
      const fromAliceTerminal = await withScope({ learner: "alice", session: "terminal" }, () =>
        locateContainer(NAME),
      );
      expect(fromAliceTerminal?.scope).toEqual(ALICE);
      // A learner at a terminal reaches their kernel's container by its plain name (sudo sets SUDO_USER).
      expect(cli(["exec", NAME, "--", "cat", "/proc/1/comm"], { SUDO_USER: "alice" }).trim()).not.toBe("");

      // Alice's kernel ends: her containers go, Bob's stay running on his bridge.
      const report = await withScope(ALICE, () => stopAllContainers({ owner: undefined, timeoutMs: 0 }));
      expect(report.removed).toEqual([NAME]);
      expect(await removeScopeIfEmpty(ALICE)).toBe(true);
      expect(existsSync(scopeRunDir(ALICE))).toBe(false);
      expect(hostHasLink(scopeBridgeName(ALICE))).toBe(false);
      expect(await b.status()).toBe("running");
      expect(hostHasLink(scopeBridgeName(BOB))).toBe(true);
      expect(cgB.exists()).toBe(true);
      expect(cgA.exists()).toBe(false);

      // The instructor cleans everyone's: nothing is left.
      expect(cli(["stop", "--all", "--time", "0"])).toContain(`bob/${BOB.session}/${NAME}`);
      expect(await b.status()).not.toBe("running");
      expect(hostHasLink(scopeBridgeName(BOB))).toBe(false);
      expect(cgB.exists()).toBe(false);
      expect(readdirSync(box.runDir).filter((n) => n.startsWith("@") || n.startsWith("scope-"))).toEqual([]);
      expect(await markedProcesses(scopeRunDir(BOB))).toEqual([]);
    });

    it("a kernel's stop --all and a learner's stop --all touch only their own; root's cleans everyone's", async () => {
      const [a1, a2, b] = await Promise.all([start(ALICE), start(ALICE_2), start(BOB)]);
      const bobsCgroups = await withScope(BOB, () => findContainerCgroups(NAME));
      const running = async () =>
        (JSON.parse(cli(["ps", "--json"])) as { name: string; learner?: string; session?: string }[])
          .filter((c) => c.name === NAME)
          .map((c) => `${c.learner}/${c.session}`)
          .sort();
      expect(await running()).toEqual(
        [`alice/${ALICE.session}`, `alice/${ALICE_2.session}`, `bob/${BOB.session}`].sort(),
      );

      // Alice's first kernel ends (its reaper: nsbook stop as root in that kernel's scope): only that session.
      const byKernel = cli(["stop", "--all", "--time", "0"], { NSBOOK_SCOPE: `alice/${ALICE.session}` });
      expect(byKernel).toContain(`alice/${ALICE.session}/${NAME}`);
      expect(byKernel).not.toContain(ALICE_2.session);
      expect(byKernel).not.toContain("bob/");
      expect(await a1.status()).not.toBe("running");
      expect(await a2.status()).toBe("running");
      expect(await running()).toEqual([`alice/${ALICE_2.session}`, `bob/${BOB.session}`].sort());

      // Bob at a terminal cannot name Alice's container: her scopes are not his to see.
      const bobTries = spawnSync(
        process.execPath,
        [CLI, "stop", "--time", "0", `alice/${ALICE_2.session}/${NAME}`],
        { encoding: "utf8", env: { ...process.env, SUDO_USER: "bob", NSBOOK_SCOPE: "" } },
      );
      expect(bobTries.status).not.toBe(0);
      expect(bobTries.stderr).toMatch(/no container named/);
      expect(await a2.status()).toBe("running");

      // Alice at a terminal (the course's sudo rule sets SUDO_USER): every session of hers, none of Bob's.
      const byLearner = cli(["stop", "--all", "--time", "0"], { SUDO_USER: "alice" });
      expect(byLearner).toContain(`alice/${ALICE_2.session}/${NAME}`);
      expect(byLearner).not.toContain("bob/");
      expect(await a2.status()).not.toBe("running");
      expect(existsSync(join(box.runDir, "@alice"))).toBe(false);
      expect(hostHasLink(scopeBridgeName(ALICE_2))).toBe(false);
      // Bob's container, cgroups, bridge and leases are as they were.
      expect(await b.status()).toBe("running");
      expect(bobsCgroups.exists()).toBe(true);
      expect(hostHasLink(scopeBridgeName(BOB))).toBe(true);
      expect(Object.values((await leasesOf(BOB, b)).leases)).toEqual([NAME]);
      expect(await running()).toEqual([`bob/${BOB.session}`]);

      // The instructor (root, no scope): everyone's.
      expect(cli(["stop", "--all", "--time", "0"])).toContain(`bob/${BOB.session}/${NAME}`);
      expect(await b.status()).not.toBe("running");
      expect(bobsCgroups.exists()).toBe(false);
      expect(hostHasLink(scopeBridgeName(BOB))).toBe(false);
      expect(readdirSync(box.runDir).filter((n) => n.startsWith("@"))).toEqual([]);
    });
  },
);
