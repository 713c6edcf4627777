// Plain-text rendering of the HTML the helpers make, for when there is no notebook to show it.

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

/** Turns helper-made HTML (tables, blocks) into readable text: cells joined by " | ", one row a line. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<\/(td|th)>\s*(?=<(td|th)\b)/gi, " | ")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/?(tr|p|div|h[1-6]|li|ul|caption|table|summary)\b[^>]*>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? "")
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)));
  return text
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n");
}
