// The vocabulary every container-making folder shares: where things live (paths, per-learner scopes), a
// container's state file and name, the registry of what it owns, and the contracts of its extensions.

export * from "./container-name.js";
export * from "./extensions.js";
export * from "./paths.js";
export * from "./resource-registry.js";
export * from "./state.js";
