// Fonts for chart text. Japanese labels need a CJK font on the machine (Debian: fonts-ipafont-gothic
// or fonts-noto-cjk); without one, pango draws empty boxes.

/** Font stack for chart text. */
export const CHART_FONT_FAMILY = "'DejaVu Sans', 'IPAGothic', 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif";
