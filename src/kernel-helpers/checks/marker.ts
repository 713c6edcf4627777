// The machine-readable trace a check leaves in the notebook's output, so the notebook tests can assert
// that every expected check ran and passed. The check's HTML block carries it as data attributes (they
// survive nbconvert and are invisible to the reader); a failed check also writes a line to stderr.

/** Attribute holding "pass" or "fail". */
export const CHECK_ATTRIBUTE = "data-nsbook-check";

/** Attribute holding the check's stable id (its English title unless given). */
export const CHECK_ID_ATTRIBUTE = "data-nsbook-check-id";

/** Prefix of the stderr line a failed check writes. */
export const CHECK_FAILED_PREFIX = "NSBOOK-CHECK-FAILED: ";

/** One check as found in an output. */
export interface CheckMarker {
  id: string;
  passed: boolean;
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function unescapeAttribute(text: string): string {
  return text.replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)));
}

/** The attributes to put on a check's element. */
export function checkMarkerAttributes(marker: CheckMarker): string {
  return `${CHECK_ATTRIBUTE}="${marker.passed ? "pass" : "fail"}" ${CHECK_ID_ATTRIBUTE}="${escapeAttribute(marker.id)}"`;
}

/** Every check marker in an HTML output, in order. */
export function parseCheckMarkers(html: string): CheckMarker[] {
  const re = new RegExp(`${CHECK_ATTRIBUTE}="(pass|fail)" ${CHECK_ID_ATTRIBUTE}="([^"]*)"`, "g");
  return [...html.matchAll(re)].map((m) => ({ id: unescapeAttribute(m[2] ?? ""), passed: m[1] === "pass" }));
}
