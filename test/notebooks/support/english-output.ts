// English sentences in the output of a Japanese notebook: every line a learner reads there must be Japanese,
// except what is legitimately English — commands, paths, identifiers and what the kernel's tools print.
//
// The rule (pure, unit-tested in test/unit/notebooks/english-output.test.ts):
// 1. Text is taken line by line from stdout, and from HTML outputs block by block (a table cell, a caption, a
//    paragraph...). Monospace HTML (<pre>, <code>, anything styled `monospace`: terminal blocks, commands,
//    "mono" table cells) is kernel output or identifiers and is skipped, as are tag attributes.
// 2. Japanese characters (kana, kanji, Japanese punctuation) split a line into English runs; each run is judged
//    by itself, so an English sentence left inside a Japanese line is found too.
// 3. Allowed as English (ALLOWED_LINES): a command echoed with its prompt (`$ ls`, `host# ip addr`), and a
//    message a tool prints about itself (`sh: can't create ...`, `unshare: unshare failed: ...`).
// 4. Otherwise the line is cut into tokens; tokens with a digit, a path, an option, `=`, `_`, `@`, `.`
//    inside, or inline `code` are identifiers and are dropped, as are the kernel's errno texts ("No such file
//    or directory"). What remains are words. The line is an English sentence when it has at least
//    MIN_WORDS words and at least MIN_GLUE of them are English function words ("the", "is", "to", "no",
//    "nothing"...), the glue every sentence has and listings (`ls /`, `ip link`, `ps`) do not; one is
//    enough within MIN_WORDS words in a row ("stopped and removed: nsbook-nb08-1", "killed: out of memory").
import { type Notebook, textOf } from "../../../scripts/notebooks/notebook-json.js";

/** One line a learner reads in an output. */
export interface OutputLine {
  /** 1-based index among all cells. */
  cell: number;
  id?: string;
  /** Where it came from: a stream (stdout) or an HTML display. */
  from: "stdout" | "html";
  text: string;
}

/** Fewest words an English sentence has. */
export const MIN_WORDS = 3;
/** Fewest function words an English sentence has ("the", "is", "to"...). */
export const MIN_GLUE = 2;

/** Lines that are English by nature: a command with its prompt, a tool's message about itself. */
export const ALLOWED_LINES: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /^(?:\$|#|[\w.-]+[#$]) \S/, why: "a command echoed with its prompt" },
  {
    pattern:
      /^(?:sh|ash|bash|busybox|unshare|nsenter|chroot|mount|umount|ip|ping|ls|cat|kill|ps|setpriv|hostname|mkdir|rmdir|touch|rm|cp|mv|ln|echo|pivot_root|id|grep|dd|head|tail|wc|df|sleep|env|tee|sysctl|mknod|chmod|chown|stat|readlink|domainname|nsbook-escape|capsh|su|sudo):(?: \d+:)? /,
    why: "a message a tool prints about itself",
  },
  {
    // busybox `ps` (`    1 root     /bin/sh -c ...`, leading blanks already trimmed): the command line it shows
    // is a shell script's words, not the course's prose. The user column keeps it from matching a sentence.
    pattern: /^\d+ +(?:root|nobody|\d+) +\S/,
    why: "a row of ps's process table (PID, user, command)",
  },
];

// The kernel's errno texts (strerror), as tools print them: kernel words, not the course's.
const ERRNO_TEXTS =
  /No such file or directory|Operation not permitted|Permission denied|Read-only file system|Device or resource busy|Invalid argument|No such process|Resource temporarily unavailable|File exists|Not a directory|Is a directory|Directory not empty|Cannot allocate memory|Function not implemented|Bad file descriptor|No space left on device|Network is unreachable|Connection refused|Too many levels of symbolic links/gi;

/** Function words: the glue of an English sentence. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the is are was were be been being am to of and or but not no nothing none in into with without for " +
    "by this that these those it its as at can cannot can't could does doesn't do don't did didn't has have " +
    "had will would should must may might what which who when where why how than then there here you your " +
    "we our they their them he she isn't aren't wasn't won't every each all any some if so because still yet " +
    "also just same other another after before again until while"
  ).split(" "),
);

const JAPANESE =
  /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\u3000-\u303f\u30fc\uff01-\uff0f\uff1a-\uff20]+/u;
const WORD = /^[A-Za-z]+(?:'[a-z]+)?$/;

/** Why `line` counts as English-only (words and the function words among them), or undefined when it does not. */
export function englishSentence(line: string): { words: string[]; glue: string[] } | undefined {
  for (const run of line.split(JAPANESE)) {
    const found = englishRun(run.replace(/^[\s,;:.)\]]+/, ""));
    if (found) return found;
  }
  return undefined;
}

function englishRun(run: string): { words: string[]; glue: string[] } | undefined {
  const text = run.trim();
  if (text === "") return undefined;
  if (ALLOWED_LINES.some((a) => a.pattern.test(text))) return undefined;
  const tokens = text
    .replace(/`[^`]*`/g, " ")
    .replace(ERRNO_TEXTS, " ")
    .split(/\s+/)
    .map((t) => t.replace(/^[("'“‘[]+|[)"'”’\]]*[,;:.!?…]*[)"'”’\]]*$/g, ""))
    .filter((t) => t !== "");
  const words = tokens.filter((t) => WORD.test(t));
  const isGlue = (w: string) => FUNCTION_WORDS.has(w.toLowerCase());
  const glue = words.filter(isGlue);
  if (words.length < MIN_WORDS || glue.length === 0) return undefined;
  if (glue.length >= MIN_GLUE) return { words, glue };
  // One function word is enough inside a phrase of MIN_WORDS words in a row ("stopped and removed: x",
  // "killed: out of memory"); identifiers, numbers and paths break a phrase.
  let phrase: string[] = [];
  for (const t of tokens) {
    phrase = WORD.test(t) ? [...phrase, t] : [];
    if (phrase.length >= MIN_WORDS && phrase.some(isGlue)) return { words, glue };
  }
  return undefined;
}

const BLOCK_TAGS = new Set([
  "p",
  "div",
  "td",
  "th",
  "tr",
  "li",
  "ul",
  "ol",
  "table",
  "caption",
  "summary",
  "details",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "br",
  "hr",
]);
const VOID_TAGS = new Set(["br", "hr", "img", "meta", "input", "wbr", "link", "col", "source"]);
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

function decode(text: string): string {
  return text
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? "")
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, code: string) => String.fromCodePoint(Number.parseInt(code, 16)));
}

/**
 * The lines of an HTML output a learner reads as prose: one per block (cell, caption, paragraph...), without
 * monospace content (<pre>, <code>, `monospace` styles), <script>/<style>, or attributes.
 */
export function proseLinesOfHtml(html: string): string[] {
  const lines: string[] = [];
  let current = "";
  const flush = () => {
    const line = decode(current).replace(/\s+/g, " ").trim();
    if (line !== "") lines.push(line);
    current = "";
  };
  // Open elements: whether each hides its text (monospace, script, style).
  const stack: { tag: string; hidden: boolean }[] = [];
  const hidden = () => stack.some((e) => e.hidden);
  const TOKEN = /<!--[\s\S]*?-->|<\/?([A-Za-z][\w-]*)([^>]*)>|[^<]+|</g;
  for (const m of html.matchAll(TOKEN)) {
    const [token, name, attrs = ""] = m;
    if (token.startsWith("<!--")) continue;
    if (name === undefined) {
      if (!hidden()) current += token;
      continue;
    }
    const tag = name.toLowerCase();
    if (BLOCK_TAGS.has(tag)) flush();
    if (token.startsWith("</")) {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at >= 0) stack.length = at;
      continue;
    }
    if (VOID_TAGS.has(tag) || token.endsWith("/>")) continue;
    const style = /\bstyle\s*=\s*"([^"]*)"/i.exec(attrs)?.[1] ?? "";
    stack.push({
      tag,
      hidden: ["pre", "code", "script", "style", "kbd", "samp"].includes(tag) || /monospace/i.test(style),
    });
  }
  flush();
  return lines;
}

/**
 * Every line of a notebook's outputs a learner reads as prose: stdout lines and HTML blocks.
 * Consecutive stdout outputs are joined before they are cut into lines, as JupyterLab shows them: a tool's
 * line can reach the kernel in several writes (coreutils' error() writes "chroot: ", the message and
 * ": <errno text>" separately), and nbconvert keeps each stream message the kernel sent as an output of its
 * own when they arrive apart (a loaded machine), which would cut "chroot: failed to run command ..." after
 * the tool's name.
 */
export function proseLines(nb: Notebook): OutputLine[] {
  const lines: OutputLine[] = [];
  for (const [i, cell] of nb.cells.entries()) {
    if (cell.cell_type !== "code") continue;
    const ref = { cell: i + 1, id: cell.id };
    let stdout = "";
    const flushStdout = () => {
      for (const text of stdout.split("\n"))
        if (text.trim() !== "") lines.push({ ...ref, from: "stdout", text });
      stdout = "";
    };
    for (const out of cell.outputs ?? []) {
      if (out.output_type === "stream" && out.name === "stdout") {
        stdout += textOf(out.text);
        continue;
      }
      flushStdout();
      if (out.output_type === "display_data" || out.output_type === "execute_result") {
        const html = out.data?.["text/html"];
        if (html === undefined) continue;
        for (const text of proseLinesOfHtml(textOf(html as string | string[])))
          lines.push({ ...ref, from: "html", text });
      }
    }
    flushStdout();
  }
  return lines;
}

/** The English-only sentences of a (Japanese) notebook's outputs, one problem line each. */
export function englishOutputProblems(nb: Notebook): string[] {
  return proseLines(nb)
    .filter((l) => englishSentence(l.text) !== undefined)
    .map(
      (l) => `cell ${l.cell}${l.id ? ` (${l.id})` : ""} printed English (${l.from}): ${l.text.slice(0, 300)}`,
    );
}
