// Starts the course's Jupyter kernel: tslab, as `tslab kernel` starts it, with a console of ours between tslab's
// executor and the cell's output. Two of tslab's messages become ones a learner can act on:
//   - a cell run before the cells that declare what it uses: TypeScript's "Cannot find name 'box'" becomes
//     which cell declares `box` and what to run (out-of-order/);
//   - Interrupt: tslab's red "Error: Interrupted asynchronously" and its stack become one line (interrupted.ts).
// Every other message is printed as tslab prints it. Nothing here may break the kernel: if explaining fails,
// tslab's own text is shown.
import { readFileSync } from "node:fs";
import { currentLang, type Lang } from "../kernel-helpers/i18n/index.js";
import { interruptedMessage, isInterrupt } from "./interrupted.js";
import { explainMissingNames } from "./out-of-order/explain.js";
import { type CellDiagnostic, missingName } from "./out-of-order/missing-names.js";
import { findNotebookOf, notebookLang } from "./out-of-order/notebook-file.js";
import { type TslabConsole, type TslabConverter, type TslabConverterSet, tslabModules } from "./tslab.js";

/** tslab prints each diagnostic with this format (dist/executor.js printDiagnostics). */
const DIAGNOSTIC_FORMAT = "%s%d:%d - %s";

/** The notebook Jupyter started this kernel for: jupyter_server writes it into the connection file. */
function sessionPathOf(connectionFile: string): string | undefined {
  try {
    const info = JSON.parse(readFileSync(connectionFile, "utf8")) as { jupyter_session?: unknown };
    return typeof info.jupyter_session === "string" && info.jupyter_session !== ""
      ? info.jupyter_session
      : undefined;
  } catch {
    return undefined;
  }
}

/** The explanation for the diagnostics of the cell being run, and which diagnostic lines it replaces. */
interface Explanation {
  text: string;
  replaces: Set<string>;
  printed: boolean;
}

function diagnosticKey(line: unknown, character: unknown, message: unknown): string {
  return `${String(line)}:${String(character)}:${String(message)}`;
}

/** Starts the kernel for Jupyter's connection file; it runs until Jupyter shuts it down. */
export function startCourseKernel(connectionFile: string): void {
  const { converter, executor: executorModule, jupyter } = tslabModules();
  const lang = (): Lang => {
    const session = sessionPathOf(connectionFile);
    return session ? notebookLang(session, currentLang()) : currentLang();
  };

  let pending: Explanation | undefined;
  const explain = (src: string, diagnostics: CellDiagnostic[]): Explanation | undefined => {
    const names = diagnostics.flatMap((d) => missingName(d) ?? []);
    if (names.length === 0) return undefined;
    const sessionPath = sessionPathOf(connectionFile);
    const notebook = findNotebookOf(src, { sessionPath, dir: process.cwd() });
    if (!notebook) return undefined;
    const found = explainMissingNames(names, notebook, src, notebookLang(notebook.path, lang()));
    if (!found) return undefined;
    const explained = new Set(found.explained);
    const replaces = new Set(
      diagnostics
        .filter((d) => explained.has(missingName(d) ?? ""))
        .map((d) => diagnosticKey(d.start.line + 1, d.start.character + 1, d.messageText)),
    );
    return { text: found.text, replaces, printed: false };
  };

  const explaining = (real: TslabConverter): TslabConverter =>
    Object.assign(Object.create(real) as TslabConverter, {
      convert(prevDecl: string, src: string) {
        const result = real.convert(prevDecl, src);
        pending = undefined;
        try {
          if (result.diagnostics?.length) pending = explain(src, result.diagnostics);
        } catch {
          pending = undefined;
        }
        return result;
      },
    });

  let node: TslabConverter | undefined;
  let browser: TslabConverter | undefined;
  const convs: TslabConverterSet = {
    get node() {
      node ??= explaining(converter.createConverter({ isJS: false, isBrowser: false }));
      return node;
    },
    get browser() {
      browser ??= converter.createConverter({ isJS: false, isBrowser: true });
      return browser;
    },
    close() {
      node?.close();
      browser?.close();
    },
  };

  let lastSigint = Number.NEGATIVE_INFINITY;
  const cellConsole: TslabConsole = {
    log: (...args) => console.log(...args),
    error: (...args) => {
      if (args[0] === DIAGNOSTIC_FORMAT && pending) {
        const [, fileName, line, character, message] = args;
        if (!pending.printed) {
          console.error(pending.text);
          pending.printed = true;
        }
        if (fileName === "" && pending.replaces.has(diagnosticKey(line, character, message))) return;
      } else if (args.length === 1 && isInterrupt(args[0], Date.now() - lastSigint)) {
        console.log(interruptedMessage(lang()));
        return;
      }
      console.error(...args);
    },
  };

  convs.node; // warm the converter for Node, as tslab does
  const executor = executorModule.createExecutor(process.cwd(), convs, cellConsole);
  const server = new jupyter.ZmqServer(new jupyter.JupyterHandlerImpl(executor, false), connectionFile);
  process.on("SIGINT", () => {
    lastSigint = Date.now();
    executor.interrupt();
  });
  process.on("uncaughtException", (err) => console.error("UncaughtException:", err));
  process.on("unhandledRejection", (reason) => console.error("UnhandledPromiseRejection:", reason));
  server.init();
}
