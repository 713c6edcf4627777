// HTML escaping for text that goes into tables and blocks.

/** Escapes `& < > " '` so any text (paths, command output, error messages) shows as itself. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
