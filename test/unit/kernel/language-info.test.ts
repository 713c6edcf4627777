// JupyterLab copies the kernel's language_info into a notebook when it connects and marks the notebook modified
// when they differ: the committed notebooks must carry exactly what the kernel answers.
import { describe, expect, it } from "vitest";
import { NSBOOK_LANGUAGE_INFO } from "../../../scripts/notebooks/notebook-json.js";
import { tslabModules } from "../../../src/kernel/tslab.js";

describe("the notebooks' language_info", () => {
  it("is the kernel's own (kernel_info_reply), so opening a notebook does not mark it modified", () => {
    const { jupyter } = tslabModules();
    const handler = new jupyter.JupyterHandlerImpl({ interrupt() {} }, false) as {
      handleKernel(): { language_info: unknown };
    };
    expect(NSBOOK_LANGUAGE_INFO).toEqual(handler.handleKernel().language_info);
  });
});
