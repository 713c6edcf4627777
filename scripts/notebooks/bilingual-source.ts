// A notebook pair written as one text file: code once, markdown in both languages side by side.
// Code cells cannot drift apart, and a translator sees both texts together.
//
// Format: text before the first block is a comment. A block starts with a line
//   %% <kind> [id=<cell id>] [tags=<tag>,<tag>]
// kind is `code`, `md` (same markdown in both languages), `md:en` or `md:ja`. An `md:en` block and an
// `md:ja` block next to each other make one markdown cell. Blank lines at the end of a block are dropped.
// Tags go to the cell's `metadata.tags`. The tag `answer` marks an exercise's answer: the cell is also
// collapsed in JupyterLab (`metadata.jupyter.source_hidden`, and `outputs_hidden` for code), and
// `nsbook handouts` leaves it out of the students' copy (`--answers` keeps it, for the instructor).
import {
  type Notebook,
  type NotebookCell,
  NSBOOK_KERNELSPEC,
  NSBOOK_LANGUAGE_INFO,
  toLines,
} from "./notebook-json.js";

/** Tag of a cell holding an exercise's answer (same value as src/handouts/removal-tags.ts ANSWER_TAG). */
export const ANSWER_TAG = "answer";

/** The metadata of a generated cell: its tags and, for an answer, JupyterLab's collapsed state. */
export function cellMetadata(kind: SourceCell["kind"], tags: readonly string[]): Record<string, unknown> {
  if (tags.length === 0) return {};
  const metadata: Record<string, unknown> = { tags: [...tags] };
  if (tags.includes(ANSWER_TAG))
    metadata.jupyter =
      kind === "code" ? { outputs_hidden: true, source_hidden: true } : { source_hidden: true };
  return metadata;
}

/** The two languages of the course. */
export type NotebookLang = "en" | "ja";

/** One cell of a bilingual source. */
export interface SourceCell {
  kind: "code" | "markdown";
  id: string;
  tags: string[];
  /** Code, or markdown shared by both languages. */
  text?: string;
  /** Markdown per language. */
  en?: string;
  ja?: string;
  /** 1-based line of the block header, for error messages. */
  line: number;
}

interface Block {
  kind: "code" | "md" | "md:en" | "md:ja";
  id?: string;
  tags: string[];
  body: string;
  line: number;
}

const HEADER = /^%% (code|md|md:en|md:ja)((?: +[a-z]+=\S+)*) *$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

function parseBlocks(text: string, file: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let body: string[] = [];
  const close = () => {
    if (!current) return;
    while (body.length > 0 && body[body.length - 1]?.trim() === "") body.pop();
    current.body = body.join("\n");
    blocks.push(current);
  };
  for (const [i, line] of text.split("\n").entries()) {
    if (!line.startsWith("%%")) {
      if (current) body.push(line);
      continue;
    }
    const m = HEADER.exec(line);
    if (!m)
      throw new Error(
        `${file}:${i + 1}: bad block header ${JSON.stringify(line)} (want "%% code|md|md:en|md:ja [id=..] [tags=..]")`,
      );
    close();
    const attrs = Object.fromEntries(
      (m[2] ?? "")
        .trim()
        .split(/ +/)
        .filter(Boolean)
        .map((kv) => kv.split("=", 2) as [string, string]),
    );
    for (const key of Object.keys(attrs)) {
      if (key !== "id" && key !== "tags")
        throw new Error(`${file}:${i + 1}: unknown attribute "${key}" (want id= or tags=)`);
    }
    if (attrs.id !== undefined && !ID.test(attrs.id)) {
      throw new Error(
        `${file}:${i + 1}: id must be 1-64 of A-Z a-z 0-9 _ -, got ${JSON.stringify(attrs.id)}`,
      );
    }
    current = {
      kind: m[1] as Block["kind"],
      id: attrs.id,
      tags: attrs.tags ? attrs.tags.split(",") : [],
      body: "",
      line: i + 1,
    };
    body = [];
  }
  close();
  return blocks;
}

/** Parses a bilingual source into cells; throws naming the file and line of any mistake. */
export function parseBilingualSource(text: string, file = "source"): SourceCell[] {
  const blocks = parseBlocks(text, file);
  const cells: SourceCell[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    const id = b.id ?? `cell-${cells.length + 1}`;
    if (b.kind === "code" || b.kind === "md") {
      cells.push({
        kind: b.kind === "code" ? "code" : "markdown",
        id,
        tags: b.tags,
        text: b.body,
        line: b.line,
      });
      continue;
    }
    const other = blocks[i + 1];
    const want = b.kind === "md:en" ? "md:ja" : "md:en";
    if (other?.kind !== want)
      throw new Error(`${file}:${b.line}: ${b.kind} block must be followed by its ${want} block`);
    if (other.id !== undefined && other.id !== b.id) {
      throw new Error(
        `${file}:${other.line}: the ${want} block's id (${other.id}) differs from its pair's (${b.id})`,
      );
    }
    const en = b.kind === "md:en" ? b.body : other.body;
    const ja = b.kind === "md:ja" ? b.body : other.body;
    cells.push({
      kind: "markdown",
      id,
      tags: [...new Set([...b.tags, ...other.tags])],
      en,
      ja,
      line: b.line,
    });
    i++;
  }
  const seen = new Set<string>();
  for (const c of cells) {
    if (seen.has(c.id)) throw new Error(`${file}:${c.line}: cell id "${c.id}" is used twice`);
    seen.add(c.id);
  }
  return cells;
}

/** The notebook in one language (no outputs, nsbook kernelspec, nbformat 4.5). */
export function buildNotebook(cells: readonly SourceCell[], lang: NotebookLang): Notebook {
  return {
    cells: cells.map((c): NotebookCell => {
      const metadata = cellMetadata(c.kind, c.tags);
      if (c.kind === "code") {
        return {
          cell_type: "code",
          execution_count: null,
          id: c.id,
          metadata,
          outputs: [],
          source: toLines(c.text ?? ""),
        };
      }
      return { cell_type: "markdown", id: c.id, metadata, source: toLines(c.text ?? c[lang] ?? "") };
    }),
    metadata: { kernelspec: { ...NSBOOK_KERNELSPEC }, language_info: { ...NSBOOK_LANGUAGE_INFO } },
    nbformat: 4,
    nbformat_minor: 5,
  };
}
