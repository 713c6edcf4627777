export * from "./extract-tarball.js";
export * from "./inspect-tarball.js";
export * from "./pax-records.js";
export * from "./tar-entry.js";
export * from "./tar-format-error.js";
export * from "./tar-header.js";
export * from "./tar-safety.js";
export * from "./tar-stream-parser.js";
