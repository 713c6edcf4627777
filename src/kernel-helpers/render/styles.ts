// Inline styles shared by the renderers. Inline, because JupyterLab drops <style> elements from
// untrusted notebooks and handouts must look the same. Colours are never the only signal: every
// status also has a symbol and a word, so a black-and-white print still reads.

/** Colours per status (text colour; works on white). */
export const STATUS_COLORS = {
  ok: "#1a7f37",
  warn: "#9a6700",
  fail: "#cf222e",
  info: "#0969da",
} as const;

/** Light backgrounds of the helpers' blocks: each is used through {@link onLight}. */
export const LIGHT_BACKGROUNDS = {
  /** A highlighted row or cell (differs from the host, failed...). */
  highlight: "#fff4ce",
  /** Command lines and terminal-like blocks. */
  shaded: "#f6f8fa",
  /** A passed check. */
  passed: "#f0f9f2",
  /** A failed check, a missing requirement. */
  failed: "#fdf0f0",
  /** A prediction or exercise waiting for the learner. */
  info: "#f3f6fb",
} as const;

/** Text colour on {@link LIGHT_BACKGROUNDS}: dark in every theme (JupyterLab Dark's own text is light). */
export const ON_LIGHT_TEXT = "#1f2328";

/** {@link SUBTLE_BACKGROUND} inside light blocks: a grey a little darker than their backgrounds. */
const SUBTLE_ON_LIGHT = "#eaeef2";

/** Grey text (comments, legends, "nothing here"): JupyterLab's secondary text colour in its theme, else a grey. */
export const MUTED_TEXT = "var(--jp-ui-font-color2,#57606a)";

/**
 * The style of an element with a light background: the background, with the dark text that reads on it in every
 * theme. JupyterLab Dark would otherwise draw its own light text on it (unreadable). JupyterLab's stylesheet also
 * colours what may be inside (code spans, tables, pre) from its theme's variables: the style sets those for the
 * element's subtree too (an inline style may set CSS variables), to the light theme's values, and with them
 * {@link SUBTLE_BACKGROUND} and {@link MUTED_TEXT}.
 */
export function onLight(background: string): string {
  return [
    `background:${background}`,
    `color:${ON_LIGHT_TEXT}`,
    `--jp-content-font-color1:${ON_LIGHT_TEXT}`,
    `--jp-ui-font-color1:${ON_LIGHT_TEXT}`,
    "--jp-ui-font-color2:#57606a",
    `--jp-layout-color0:${background}`,
    `--jp-layout-color2:${SUBTLE_ON_LIGHT}`,
  ].join(";");
}

/** Table element style. Long paths and commands wrap instead of pushing the table off a printed page. */
export const TABLE_STYLE =
  "border-collapse:collapse;margin:0.5em 0;max-width:100%;font-size:13px;line-height:1.4;font-family:system-ui,-apple-system,'Segoe UI',sans-serif";

/**
 * A light grey behind text that keeps the page's own text colour: JupyterLab's theme variable (so JupyterLab Dark
 * gets a dark grey behind its light text), else the light grey (nbconvert's HTML, handouts, the classic notebook).
 */
export const SUBTLE_BACKGROUND = "var(--jp-layout-color2,#f3f4f6)";

/** Header cell style. */
export const TH_STYLE = `border-bottom:2px solid #444;padding:4px 10px;background:${SUBTLE_BACKGROUND};font-weight:600;white-space:nowrap`;

/** Body cell style. */
export const TD_STYLE =
  "border-bottom:1px solid #d0d7de;padding:4px 10px;vertical-align:top;overflow-wrap:break-word";

/** Added to cells of paths and commands: they may break anywhere, so one long path cannot widen the table. */
export const BREAK_ANYWHERE = "overflow-wrap:anywhere";

/** Monospace for paths, commands and ids. */
export const MONO_STYLE = "font-family:ui-monospace,'DejaVu Sans Mono',Menlo,monospace;font-size:12px";

/**
 * A shaded monospace block of commands and their output: the terminal, set-up scripts, launch commands. Long
 * words wrap anywhere, so a long path cannot push the block off a printed page.
 */
export const COMMAND_BLOCK_STYLE = `${onLight(LIGHT_BACKGROUNDS.shaded)};border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;margin:0.5em 0;white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.45;${MONO_STYLE}`;

/**
 * Class on every block the helpers emit: MathJax (JupyterLab, nbconvert's HTML) must not read `$...$`
 * in command lines and paths as formulas. MathJax 2 knows the first name, MathJax 3 the second.
 */
export const NO_MATH_CLASS = "tex2jax_ignore mathjax_ignore";

/** Style of `code` spans inside text. */
export const CODE_STYLE = `font-family:ui-monospace,'DejaVu Sans Mono',Menlo,monospace;font-size:12px;background:${SUBTLE_BACKGROUND};padding:0 3px;border-radius:3px`;

/** Caption style. */
export const CAPTION_STYLE = "caption-side:top;text-align:left;font-weight:600;padding:2px 0 6px";
