// What notebooks use to show things: tables, charts, live displays, self-checks, doctor's report.
// Notebooks import the compiled form: `import { ... } from "../../dist/kernel-helpers/index.js"`.
export * from "./charts/index.js";
export * from "./checks/index.js";
export * from "./display/index.js";
export * from "./doctor/index.js";
export * from "./i18n/index.js";
export * from "./render/index.js";
export * from "./shell/index.js";
export * from "./usage-charts/index.js";
export * from "./views/bridge-views.js";
export * from "./views/cgroups-views.js";
export * from "./views/chroot-index.js";
export * from "./views/hardening-views.js";
export * from "./views/mount-index.js";
export * from "./views/multi-views.js";
export * from "./views/net-views.js";
export * from "./views/overlay-notebook.js";
export * from "./views/overlay-views.js";
export * from "./views/preflight-index.js";
export * from "./views/removal-line.js";
export * from "./views/userns-views.js";
