// Containers as objects: start, exec, run, stop, remove, list, and cleanup that survives crashes.

export * from "./apply-privilege.js";
export * from "./attach-command.js";
export * from "./container.js";
export * from "./container-logs.js";
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
export * from "./exec-argv.js";
export * from "./exec-in-container.js";
export * from "./extensions.js";
export * from "./hardening-spec.js";
export * from "./init-script.js";
export * from "./launch-argv.js";
export * from "./list-containers.js";
export * from "./namespaces.js";
export * from "./prepare-container.js";
export * from "./process/marker-scan.js";
export * from "./process/process-io-options.js";
export * from "./process/process-tree.js";
export type { ProcessOutcome } from "./process/run-process.js";
export * from "./remove-container.js";
export * from "./run-container.js";
export * from "./scopes.js";
export * from "./signal-container.js";
export * from "./start-container.js";
export * from "./step-recipes.js";
export * from "./stop-all.js";
export * from "./stop-container.js";
export * from "./userns-mapping.js";
