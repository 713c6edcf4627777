// CPU weight (cgroup v2 cpu.weight, 1..10000, default 100) <-> CPU shares (cgroup v1 cpu.shares, 2..262144,
// default 1024).
//
// runc and crun convert with the same curve (runc PR #4785, crun issue 1721, since 2025): a quadratic in
// log2(shares) that maps the minimum, the default and the maximum of one onto the other
// (2 -> 1, 1024 -> 100, 262144 -> 10000). The older linear formula, 1 + (shares - 2) * 9999 / 262142, mapped
// the v1 default 1024 to weight 39, so a container "with default shares" got less than its share on v2.

/** Smallest and largest cpu.weight (v2). */
export const CPU_WEIGHT_MIN = 1;
export const CPU_WEIGHT_MAX = 10_000;
/** The kernel's default cpu.weight. */
export const CPU_WEIGHT_DEFAULT = 100;
/** Smallest and largest cpu.shares (v1), from the kernel's MIN_SHARES and MAX_SHARES (1 << 18). */
export const CPU_SHARES_MIN = 2;
export const CPU_SHARES_MAX = 262_144;
/** The kernel's default cpu.shares. */
export const CPU_SHARES_DEFAULT = 1024;

/** Converts v1 cpu.shares to v2 cpu.weight the way runc and crun do (0 means unset and stays 0). */
export function cpuSharesToWeight(shares: number): number {
  if (shares === 0) return 0;
  if (shares <= CPU_SHARES_MIN) return CPU_WEIGHT_MIN;
  if (shares >= CPU_SHARES_MAX) return CPU_WEIGHT_MAX;
  const l = Math.log2(shares);
  const exponent = (l * l + 125 * l) / 612 - 7 / 34;
  return Math.ceil(10 ** exponent);
}

/**
 * Converts v2 cpu.weight to v1 cpu.shares by inverting runc's curve: the shares whose weight is exactly
 * `weight` and that lie nearest the curve's real inverse (100 -> 1024, 1 -> 2, 10000 -> 262144), so that
 * `cpuSharesToWeight(cpuWeightToShares(w)) === w` for every weight.
 */
export function cpuWeightToShares(weight: number): number {
  if (weight <= CPU_WEIGHT_MIN) return CPU_SHARES_MIN;
  if (weight >= CPU_WEIGHT_MAX) return CPU_SHARES_MAX;
  // Solve (l^2 + 125 l) / 612 - 7/34 = log10(weight) for l = log2(shares).
  const c = 612 * (Math.log10(weight) + 7 / 34);
  const l = (-125 + Math.sqrt(125 * 125 + 4 * c)) / 2;
  let shares = Math.min(CPU_SHARES_MAX, Math.max(CPU_SHARES_MIN, Math.round(2 ** l)));
  // The weight is rounded up (ceil) from the curve: step onto the shares that give exactly `weight`.
  while (cpuSharesToWeight(shares) > weight && shares > CPU_SHARES_MIN) shares--;
  while (cpuSharesToWeight(shares) < weight && shares < CPU_SHARES_MAX) shares++;
  return shares;
}
