// Cell tags that shape a handout. Authors set them in Jupyter (View → Cell Toolbar → Tags in the
// classic notebook; the property inspector in JupyterLab). The names are Jupyter Book's, so authors who
// know that convention need nothing new. They change only the handout: the notebook runs every cell.
//
//   remove-cell    the whole cell is left out (set-up, cleanup, test-only cells)
//   remove-input   the code is left out, its output stays (a chart drawn by a long cell)
//   remove-output  the code stays, its output is left out (noisy or machine-specific output)
//   answer         an exercise's answer: left out of the students' copy (the default), kept in the
//                  instructor's (`nsbook handouts --answers`). Notebook sources also collapse it in JupyterLab.

/** Tag: leave the whole cell out of the handout. */
export const REMOVE_CELL_TAG = "remove-cell";

/** Tag: leave the cell's code out, keep its output. */
export const REMOVE_INPUT_TAG = "remove-input";

/** Tag: keep the cell's code, leave its output out. */
export const REMOVE_OUTPUT_TAG = "remove-output";

/** Tag: an exercise's answer, left out of the students' copy. */
export const ANSWER_TAG = "answer";

/** Options of {@link tagRemovalArgs}. */
export interface TagRemovalOptions {
  /** Keep the cells tagged `answer` (the instructor's copy). @default false: they are removed */
  answers?: boolean;
}

/** The nbconvert options that apply the tags (TagRemovePreprocessor; a repeated option adds to the set). */
export function tagRemovalArgs(options: TagRemovalOptions = {}): string[] {
  return [
    "--TagRemovePreprocessor.enabled=True",
    `--TagRemovePreprocessor.remove_cell_tags=${REMOVE_CELL_TAG}`,
    ...(options.answers ? [] : [`--TagRemovePreprocessor.remove_cell_tags=${ANSWER_TAG}`]),
    `--TagRemovePreprocessor.remove_input_tags=${REMOVE_INPUT_TAG}`,
    `--TagRemovePreprocessor.remove_all_outputs_tags=${REMOVE_OUTPUT_TAG}`,
  ];
}
