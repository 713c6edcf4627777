export { classifyPrivilege, hasSysAdminCap } from "./classify-privilege.js";
export {
  type ContainerPrivilege,
  MODE_LIMITS,
  privilegeForCleanup,
  privilegePrefix,
  resolvePrivilege,
} from "./container-privilege.js";
export { type DetectPrivilegeOptions, detectPrivilege } from "./detect-privilege.js";
export { type ModeLimit, stepsUnavailableIn } from "./mode-limits.js";
export {
  probeUnprivilegedUserns,
  type ReadPrivilegeFactsOptions,
  readPrivilegeFacts,
  tryCommand,
} from "./read-privilege-facts.js";
export { type PasswordlessRoot, passwordlessRoot, ROOT_HELPER_DIR, rootHelperPath } from "./root-helper.js";
export { readSubidTools, type SubidTools } from "./subid-tools.js";
export type {
  CommandOutcome,
  PrivilegeFacts,
  PrivilegeMode,
  PrivilegeReport,
  UsernsRestriction,
  UsernsSysctls,
} from "./types.js";
export { takeUserEnvArgs, USER_ENV_CARRIED, userEnvArgs } from "./user-env.js";
export { usernsRestrictionsOf } from "./userns-restrictions.js";
