// The one place that says what a container is made of besides its namespaces: nsbook's extensions of the
// container engine, composed here and read by every start, run, exec and stop (as runc's libcontainer is
// given its cgroup manager and hooks). The contracts are in core/extensions.ts; each extension lives in its
// own folder below this one. A reader of start-container.ts follows `extensions.resources` to the cgroups.
import {
  cgroupsForContainer,
  disposeCgroupRecord,
  type ExitInspection,
  inspectCgroupExit,
} from "../cgroups/index.js";
import type { ContainerExtensions } from "../core/extensions.js";
import { BUILTIN_DISPOSERS } from "../core/resource-registry.js";
import { connectToBridge, NETWORK_DISPOSERS } from "../network/index.js";
import { createOverlayDirs, disposeOverlayDir, OVERLAY_DIR_RESOURCE } from "../overlay/index.js";

/** The extensions a container is built with; its exit is inspected by its cgroups ({@link ExitInspection}). */
export type Extensions = ContainerExtensions<ExitInspection>;

/** nsbook's own: cgroups for `resources`, the bridge for `network: "bridge"`, overlay directories for `overlay`. */
export const NSBOOK_EXTENSIONS: Extensions = {
  resources: cgroupsForContainer,
  overlayDirs: createOverlayDirs,
  network: connectToBridge,
  inspectExit: inspectCgroupExit,
  disposers: {
    ...BUILTIN_DISPOSERS,
    cgroup: disposeCgroupRecord,
    ...NETWORK_DISPOSERS,
    [OVERLAY_DIR_RESOURCE]: disposeOverlayDir,
  },
};

/**
 * How the container ended, as its extensions saw it (an OOM kill read from its cgroup's counters); undefined when
 * they have nothing to read. Must be called BEFORE the resources are disposed of.
 */
export async function inspectExit(
  extensions: Extensions,
  state: Parameters<Extensions["inspectExit"]>[0],
  exit: Parameters<Extensions["inspectExit"]>[1],
): Promise<ExitInspection | undefined> {
  try {
    return await extensions.inspectExit(state, exit);
  } catch {
    // A report is a courtesy: a cgroup removed meanwhile must not turn a finished run into an error.
    return undefined;
  }
}
