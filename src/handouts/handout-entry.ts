// One written handout, as the index page and the manifest (handouts.json) describe it.

/** A handout in the output folder. */
export interface HandoutEntry {
  /** Notebook language folder: "ja" or "en". */
  lang: string;
  /** Notebook file name without .ipynb, e.g. "01-chroot". */
  name: string;
  /** The notebook's first heading. */
  title: string;
  /** HTML file, relative to the output folder ("en/01-chroot.html"). */
  html: string;
  /** PDF file, relative to the output folder, when one was printed. */
  pdf?: string;
  /** PDF page count, when pdfinfo could tell. */
  pages?: number;
  /** Whether every cell ran without error output and every self-check passed. */
  ok: boolean;
  /** 1-based numbers of the cells that failed (empty when ok). */
  failedCells: number[];
  /** Seconds the notebook took to execute. */
  runSeconds: number;
}

/** Order of the language sections: the course's original language first. */
export const LANG_ORDER: readonly string[] = ["ja", "en"];

function langRank(lang: string): number {
  const i = LANG_ORDER.indexOf(lang);
  return i < 0 ? LANG_ORDER.length : i;
}

/** Entries sorted by language section, then by file name. */
export function sortEntries(entries: readonly HandoutEntry[]): HandoutEntry[] {
  return [...entries].sort(
    (a, b) =>
      langRank(a.lang) - langRank(b.lang) || a.lang.localeCompare(b.lang) || a.name.localeCompare(b.name),
  );
}

/**
 * The index after a run that rebuilt the languages `rebuilt` (only the notebooks `rebuiltName` accepts, when
 * given): this run's entries, plus earlier entries it did not rebuild whose files still exist (so
 * `--lang en` after `--lang ja`, or `--notebook 02` after a full run, keeps the rest in the index).
 */
export function mergeEntries(
  previous: readonly HandoutEntry[],
  current: readonly HandoutEntry[],
  rebuilt: readonly string[],
  stillThere: (entry: HandoutEntry) => boolean,
  rebuiltName: (name: string) => boolean = () => true,
): HandoutEntry[] {
  const kept = previous.filter((e) => !(rebuilt.includes(e.lang) && rebuiltName(e.name)) && stillThere(e));
  return sortEntries([...kept, ...current]);
}

/** Reads the manifest's entries (tolerant: anything malformed reads as no entries). Pure. */
export function parseManifest(text: string): HandoutEntry[] {
  try {
    const data = JSON.parse(text) as { handouts?: unknown };
    if (!Array.isArray(data.handouts)) return [];
    return data.handouts.filter(
      (e): e is HandoutEntry =>
        !!e &&
        typeof e === "object" &&
        typeof (e as HandoutEntry).lang === "string" &&
        typeof (e as HandoutEntry).name === "string" &&
        typeof (e as HandoutEntry).title === "string" &&
        typeof (e as HandoutEntry).html === "string" &&
        typeof (e as HandoutEntry).ok === "boolean" &&
        Array.isArray((e as HandoutEntry).failedCells),
    );
  } catch {
    return [];
  }
}

/** The manifest's text. Pure. */
export function formatManifest(entries: readonly HandoutEntry[], generatedAt: string): string {
  return `${JSON.stringify({ generatedAt, handouts: entries }, null, 2)}\n`;
}
