// The hook through which resource limits (the cgroups module) join a container before its first instruction.
import type { ContainerPrivilege } from "../privilege-mode.js";
import type { NewResource } from "./resource-registry.js";

/** What the hook gets for one container being created. */
export interface ResourceHookContext {
  container: string;
  /** `spec.resources`, as the caller gave it (the hook validates it). */
  resources: unknown;
  mode: ContainerPrivilege;
  /** Records a resource in the container's registry: call it BEFORE creating the resource. */
  record(resource: NewResource): Promise<void>;
}

/** What the hook made. */
export interface ResourceHookResult {
  /**
   * Absolute cgroup.procs files (one per controller hierarchy) the container's first process writes its own PID
   * into before it executes unshare; `exec` joins them too.
   */
  cgroupProcsFiles: string[];
}

/** Creates a container's cgroups (recording each first) and says which cgroup.procs files to join. */
export type ResourceHook = (context: ResourceHookContext) => Promise<ResourceHookResult>;

let hook: ResourceHook | undefined;

/** Installs the hook that turns `spec.resources` into cgroups (the cgroups module calls this); undefined removes it. */
export function setResourceHook(next: ResourceHook | undefined): void {
  hook = next;
}

/** The installed hook, if any. */
export function resourceHook(): ResourceHook | undefined {
  return hook;
}
