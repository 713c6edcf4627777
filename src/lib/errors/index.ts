// The library's errors: one base class, NsbookError, that says what failed, whether the user's request was
// wrong, and what to do; InvalidOptionError for every refused option value; ContainerError for containers.

export { ContainerError, type ContainerErrorCode } from "./container-error.js";
export {
  describeValue,
  explainError,
  InvalidOptionError,
  invalidOption,
  isNsbookError,
  NsbookError,
  type NsbookErrorOptions,
} from "./nsbook-error.js";
