// Hardening a container as runc does: the capabilities it keeps and drops, the paths it masks and makes
// read-only. The escape lab that shows why (step 11) is in lab/.

export * from "./capabilities.js";
export * from "./runc-paths.js";
