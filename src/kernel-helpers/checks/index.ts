// Self-checks shown in the notebook and found by the notebook tests.
export {
  type CheckOptions,
  type CheckResult,
  type Condition,
  check,
  checkResults,
  renderCheck,
  resetChecks,
} from "./check.js";
export { NotebookStopped, requireRootKernel, requireUserNamespaces } from "./kernel-privilege.js";
export {
  CHECK_ATTRIBUTE,
  CHECK_FAILED_PREFIX,
  CHECK_ID_ATTRIBUTE,
  type CheckMarker,
  checkMarkerAttributes,
  parseCheckMarkers,
} from "./marker.js";
export {
  checkPrediction,
  isUnanswered,
  type Prediction,
  type PredictionOptions,
  predictionMatches,
  renderPredictionPrompt,
} from "./prediction.js";
export { type ChecksSummary, checksSummary, renderChecksSummary, summarize } from "./summary.js";
export { checkYourResult, type YourResultOptions } from "./your-result.js";
