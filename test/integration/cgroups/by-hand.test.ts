// Notebook 06's cgroup made by hand, on the real kernel: the original course's shell lines (mkdir, echo LIMIT >
// the limit file, echo $$ > cgroup.procs) run through the notebooks' `$` on the directory and files chosen from
// detection, a memory hog in the joined shell is OOM-killed (137, oom_kill 1), and rmdir leaves nothing. The same
// file runs in the cgroup v2 VM (scripts/test-v2.sh): in the root cgroup and in a delegated leaf with processes.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { prepareHandCgroup } from "../../../src/kernel-helpers/index.js";
import { $ } from "../../../src/kernel-helpers/shell/index.js";
import { planHandCgroup, readHandLimit, readHandOomKills, removeHandCgroup } from "../../../src/lib/index.js";
import { all, describeWhen, needRoot } from "../../support/requirements.js";
import { detectCgroupsNow } from "./detect-now.js";

const detection = detectCgroupsNow();
const memory = detection.controllers.find((p) => p.controller === "memory");
const NAME = `byhand${process.pid}`;

describeWhen(
  all(needRoot(), {
    ok: memory?.usable === true,
    reason: `the memory controller is not usable here: ${memory?.whyNot ?? "not detected"}`,
  }),
  "a memory cgroup made by hand with the original's lines",
  () => {
    const hand = planHandCgroup(detection, NAME, "32M");

    afterEach(() => {
      if (existsSync(hand.dir)) removeHandCgroup(hand);
    });

    it("limits a shell that joined with echo $$, OOM-kills its hog with 137, and is gone after rmdir", async () => {
      await prepareHandCgroup(hand);
      const CG = hand.dir;
      await $`mkdir ${CG}`;
      await $`echo 32M > ${CG}/${hand.limitFile}`;
      if (hand.swap) await $`echo ${hand.swap.value} > ${CG}/${hand.swap.file}`;
      expect(readHandLimit(hand)).toBe(32 * 1024 * 1024);

      const hog =
        await $`sh -c ${`echo $$ > ${CG}/cgroup.procs; grep ${NAME} /proc/$$/cgroup; tail /dev/zero`} 2>&1`.nothrow();
      expect(hog.stdout).toContain(`/nsbook-${NAME}`);
      expect(hog.exitCode).toBe(137);
      expect(readHandOomKills(hand)).toBe(1);
      // The kernel's own record, not ours: the OOM kill is counted in the cgroup's events file.
      expect(readFileSync(join(CG, hand.eventsFile), "utf8")).toMatch(/^oom_kill 1$/m);

      await $`rmdir ${CG}`;
      expect(existsSync(CG)).toBe(false);
    });
  },
);
