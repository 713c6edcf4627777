// Removing a container's overlay directories (upper and work layers) when the container is removed.
import { isAbsolute, normalize } from "node:path";
import type { ResourceDisposer } from "../core/resources/resource-disposers.js";
import { runHost } from "../host/index.js";
import { privilegePrefix } from "../privilege/index.js";

/** The resource kind of an overlay directory in a container's registry; its id is the absolute host path. */
export const OVERLAY_DIR_RESOURCE = "overlay-dir";

/**
 * Deletes one overlay directory with `rm -rf --one-file-system` (root's tool in sudo mode: files copied up by
 * root inside belong to root). Whiteouts are character devices and the kernel's work/work folder has mode 000:
 * both are removed like anything else by root. Refuses a path that does not name nsbook, as a last guard
 * against a corrupted state file deleting something else. Idempotent (rm -f).
 */
export const disposeOverlayDir: ResourceDisposer = async (record, context) => {
  const path = record.id;
  if (!isAbsolute(path) || normalize(path) !== path || !path.includes("nsbook") || path === "/") {
    throw new Error(`refusing to delete ${JSON.stringify(path)}: not an nsbook overlay directory`);
  }
  await runHost([...privilegePrefix(context.mode), "rm", "-rf", "--one-file-system", "--", path], {
    what: `delete overlay directory ${path} of container "${context.container}"`,
  });
};
