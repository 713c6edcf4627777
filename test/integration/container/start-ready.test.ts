// startContainer resolves only once the container's command runs, so the next exec never takes its PID.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startContainer, stopAllContainers } from "../../../src/lib/container/index.js";
import {
  type ContainerSandbox,
  makeContainerSandbox,
  stateDirsIn,
} from "../../support/container-fixtures.js";
import { all, describeWhen, needRoot, needTool } from "../../support/requirements.js";

let box: ContainerSandbox;

describeWhen(
  all(needRoot(), needTool("unshare", "util-linux")),
  "start resolves when the command runs",
  () => {
    beforeAll(async () => {
      box = await makeContainerSandbox("nsbook-ready-test-");
    });

    afterAll(async () => {
      await stopAllContainers({ timeoutMs: 1000, staleCgroups: false });
      expect(stateDirsIn(box.runDir)).toEqual([]);
      box.dispose();
    });

    it("gives the command PID 2 and an exec issued right after start a later PID, every time", async () => {
      for (let i = 0; i < 10; i++) {
        const c = await startContainer({ rootfs: box.rootfs, name: `ready-${i}` });
        const r = await c.exec(["sh", "-c", "echo $$; cat /proc/2/cmdline | tr '\\0' ' '"]);
        const [execPid, second] = r.stdout.trim().split("\n");
        expect(Number(execPid)).toBeGreaterThan(2);
        expect(second?.trim()).toBe("sleep infinity");
        await c.dispose();
      }
    });
  },
);
