// Comparing dotted version numbers ("2.38.1", "20.19.0").

/** The numeric parts of a version: "2.38.1" -> [2, 38, 1]; "6.1.0-56-amd64" -> [6, 1, 0]. */
export function versionParts(version: string): number[] {
  const m = /^\D*(\d+(?:\.\d+)*)/.exec(version);
  return m?.[1] ? m[1].split(".").map(Number) : [];
}

/** True when `version` >= `minimum`, comparing numeric parts left to right. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const a = versionParts(version);
  const b = versionParts(minimum);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}
