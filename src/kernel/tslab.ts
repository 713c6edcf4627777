// The parts of tslab 1.0 (package.json pins ^1.0.22) the course kernel builds on: its converter (TypeScript to
// JavaScript, with diagnostics), its executor and its Jupyter server - the same pieces tslab's own
// `tslab kernel` (dist/main.js, startKernel) puts together. They are loaded from the tslab package the project
// depends on, so the running kernel is the copy the notebooks' display helpers find (display/kernel-tslab.ts).
import { dirname, join } from "node:path";
import type { CellDiagnostic } from "./out-of-order/missing-names.js";

/** tslab's converter (dist/converter.js createConverter). */
export interface TslabConverter {
  convert(prevDecl: string, src: string): { diagnostics: CellDiagnostic[] } & Record<string, unknown>;
  close(): void;
}

/** What tslab's executor is given: a converter for Node and one for the browser, made when first used. */
export interface TslabConverterSet {
  readonly node: TslabConverter;
  readonly browser: TslabConverter;
  close(): void;
}

/** The console tslab's executor prints diagnostics and a failed cell's error to. */
export interface TslabConsole {
  log(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export interface TslabExecutor {
  interrupt(): void;
}

interface ConverterModule {
  createConverter(options: { isJS: boolean; isBrowser: boolean }): TslabConverter;
}
interface ExecutorModule {
  createExecutor(rootDir: string, convs: TslabConverterSet, console: TslabConsole): TslabExecutor;
}
interface JupyterModule {
  JupyterHandlerImpl: new (executor: TslabExecutor, isJs: boolean) => unknown;
  ZmqServer: new (handler: unknown, configPath: string) => { init(): void };
}

function load<T>(file: string): T {
  const root = dirname(require.resolve("tslab/package.json"));
  return require(join(root, "dist", file)) as T;
}

/** tslab's modules. */
export function tslabModules(): {
  converter: ConverterModule;
  executor: ExecutorModule;
  jupyter: JupyterModule;
} {
  return {
    converter: load<ConverterModule>("converter.js"),
    executor: load<ExecutorModule>("executor.js"),
    jupyter: load<JupyterModule>("jupyter.js"),
  };
}
