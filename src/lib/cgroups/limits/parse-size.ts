// Human byte sizes ("100M", "1.5G", "512k", 1048576) to bytes, and back for messages.

const UNITS: Readonly<Record<string, number>> = {
  "": 1,
  b: 1,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  t: 1024 ** 4,
};

/** What a size may look like, for error messages. */
export const SIZE_FORMAT_HELP =
  'give bytes as a number, or a number with a unit k, M, G or T (powers of 1024), e.g. "512k", "100M", "1.5G"';

/**
 * Parses a size into whole bytes, or returns undefined when `value` is not a size at all.
 * Units are powers of 1024 as in docker and the kernel's own "100M" (k, M, G, T; an optional "i" and/or "B"
 * may follow: "100MiB", "100MB"). Fractions are allowed with a unit and rounded down to a byte.
 */
export function parseSize(value: number | string): number | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([kmgt]?)(i?b)?\s*$/i.exec(value);
  if (!m) return undefined;
  const number = Number(m[1]);
  const unit = (m[2] ?? "").toLowerCase();
  if (unit === "" && m[3] && m[3].toLowerCase() !== "b") return undefined;
  const multiplier = UNITS[unit] ?? 1;
  if (unit === "" && !Number.isInteger(number)) return undefined;
  const bytes = Math.floor(number * multiplier);
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** Formats bytes for people: "32 MiB", "1.5 GiB", "512 KiB", "100 B". */
export function formatSize(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = bytes;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const text = i === 0 || Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 1).replace(/\.?0+$/, "");
  return `${text} ${units[i]}`;
}
