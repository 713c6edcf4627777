// Overlay layers: a container's writable upper layer over its read-only rootfs, and layers committed from it.
export * from "./commit-layer.js";
export * from "./kept-uppers.js";
export * from "./layer-paths.js";
export * from "./list-layers.js";
export * from "./overlay-dirs.js";
export * from "./overlay-error.js";
export * from "./overlay-script.js";
export * from "./overlay-spec.js";
export * from "./overlay-validate.js";
export * from "./tree-digest.js";
export * from "./whiteouts.js";
