export * from "./alpine-like.js";
export * from "./hostile.js";
export * from "./loopback-mirror.js";
export * from "./tar-writer.js";
