// Containers as objects: start, exec, run, stop, remove, list, and cleanup that survives crashes.

// The cgroups module's resource hook (spec.resources -> cgroups) and its "cgroup" disposer: installed on import,
// so every process that uses containers can create limits and remove them, `nsbook stop --all` included.
import "../cgroups/container/resource-hook.js";
// The network module's hook (network: "bridge" -> eth0 on nsbook0) and its disposers, installed on import.
import "../network/network-hook.js";
// The overlay module's "overlay-dir" disposer (a container's upper and work layers), registered on import.
import "../overlay/overlay-dir-disposer.js";

export * from "./attach-command.js";
export * from "./container.js";
export * from "./container-error.js";
export * from "./container-logs.js";
export * from "./container-name.js";
export * from "./container-spec.js";
export * from "./container-status.js";
export {
  COURSE_CONTAINER_PREFIX,
  type ContainerRole,
  type FoundContainer,
  findCourseContainers,
  leftoverNames,
  removeContainers,
  roleOf,
} from "./course-containers.js";
export * from "./course-steps.js";
export * from "./exec-argv.js";
export * from "./exec-in-container.js";
export * from "./hardened-pivot-argv.js";
export * from "./hardening-spec.js";
export * from "./init-script.js";
export * from "./launch-argv.js";
export * from "./list-containers.js";
export * from "./namespaces.js";
export * from "./observe-exit.js";
export * from "./prepare-container.js";
export * from "./privilege-mode.js";
export * from "./process/marker-scan.js";
export * from "./process/process-io-options.js";
export * from "./process/process-tree.js";
export * from "./remove-container.js";
export * from "./resources/exit-inspector.js";
export * from "./resources/network-hook.js";
export * from "./resources/resource-disposers.js";
export * from "./resources/resource-hook.js";
export * from "./resources/resource-registry.js";
export * from "./run-container.js";
export * from "./scopes.js";
export * from "./signal-container.js";
export * from "./start-container.js";
export * from "./state/container-state.js";
export * from "./state/state-store.js";
export * from "./stop-all.js";
export * from "./stop-container.js";
export * from "./userns-mapping.js";
