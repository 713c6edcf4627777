export * from "./download-file.js";
export * from "./download-progress.js";
export * from "./fetch-text.js";
export * from "./http-get.js";
