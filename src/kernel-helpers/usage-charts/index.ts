// Charts of cgroup usage: memory against its limit with OOM kills, CPU against its quota with throttling.
export {
  type CpuChart,
  type CpuChartOptions,
  cpuChartConfig,
  cpuChartSpec,
  renderCpuChart,
} from "./cpu-chart.js";
export {
  type LiveUsageChartOptions,
  liveUsageChart,
  type PngDisplay,
  showLiveUsageChart,
} from "./live-usage-chart.js";
export { type MemoryChartOptions, memoryChartSpec, renderMemoryChart } from "./memory-chart.js";
export { renderUsageChart, type UsageChartKind, type UsageChartOptions } from "./usage-chart.js";
export {
  cpuCorePoints,
  cpuLimitOf,
  elapsedSeconds,
  memoryLimitMiB,
  memoryPoints,
  throttledPercentPoints,
} from "./usage-series.js";
