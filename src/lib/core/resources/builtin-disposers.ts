// Disposers for the resources the host's own tools create: mounts, network namespaces and interfaces.
import { runHost } from "../../host/index.js";
import { privilegePrefix } from "../../privilege/index.js";
import type { ResourceDisposer } from "./resource-disposers.js";

/** Whether stderr says the thing was not there (which, for removal, is success). */
const absent = (stderr: string): boolean =>
  /not mounted|no mount point|No such file|Cannot find device|does not exist|Cannot open network namespace/i.test(
    stderr,
  );

function hostRemoval(what: string, argv: (id: string) => string[]): ResourceDisposer {
  return async (record, context) => {
    const options = { what: `${what} ${record.id} of container "${context.container}"` };
    const command = [...privilegePrefix(context.mode), ...argv(record.id)];
    const r = await runHost(command, { ...options, allowFailure: true });
    if (!r.failed || absent(r.stderr)) return;
    // Once more, failing for real this time - unless the thing is gone by now: a veth vanishes by itself when
    // its namespace's last process dies, and another stop may be removing it meanwhile (the soak saw the retry
    // fail with "Cannot find device").
    const again = await runHost(command, { ...options, allowFailure: true });
    if (again.failed && !absent(again.stderr)) await runHost(command, options);
  };
}

/** "mount": id is a host path; unmounted lazily (MNT_DETACH), so a busy mount still disappears from the tree. */
export const disposeMount = hostRemoval("unmount", (id) => ["umount", "--lazy", id]);
/** "netns": id is a name made by `ip netns add`. */
export const disposeNetns = hostRemoval("delete network namespace", (id) => ["ip", "netns", "delete", id]);
/** "link": id is a host network interface (a veth end, a bridge). */
export const disposeLink = hostRemoval("delete interface", (id) => ["ip", "link", "delete", id]);

/** The disposers of what the host's own tools create, by kind. */
export const BUILTIN_DISPOSERS: Readonly<Record<string, ResourceDisposer>> = {
  mount: disposeMount,
  netns: disposeNetns,
  link: disposeLink,
};
