// Where a terminal finds the `nsbook` command: on PATH (the set-up links /usr/local/bin/nsbook when it can),
// else in the project's bin/ folder, two levels above the notebooks' folders.
import { accessSync, constants, realpathSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { currentLang, type Lang } from "../../i18n/index.js";

/** Where the `nsbook` command is. */
export interface NsbookCommandPlaces {
  /** First `nsbook` on $PATH, if any. */
  onPath?: string;
  /** The file it points to, when that is a link. */
  target?: string;
  /** The project's own bin/nsbook, when it exists. */
  inProject?: string;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Looks for `nsbook` on $PATH and in the project (`projectDir` defaults to two folders above the cwd). */
export function findNsbookCommand(
  pathVar = process.env.PATH ?? "",
  projectDir = resolve(process.cwd(), "..", ".."),
): NsbookCommandPlaces {
  const places: NsbookCommandPlaces = {};
  const onPath = pathVar
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, "nsbook"))
    .find(executable);
  if (onPath) {
    places.onPath = onPath;
    const target = realpathSync(onPath);
    if (target !== onPath) places.target = target;
  }
  const inProject = join(projectDir, "bin", "nsbook");
  if (executable(inProject)) places.inProject = inProject;
  return places;
}

/** One sentence saying what to type in a terminal (pure). */
export function describeNsbookCommand(places: NsbookCommandPlaces, lang: Lang = currentLang()): string {
  if (places.onPath) {
    const link = places.target ? ` -> ${places.target}` : "";
    return lang === "ja"
      ? `ターミナルでは nsbook と打てば動きます（${places.onPath}${link}）。`
      : `In a terminal, type nsbook (it is ${places.onPath}${link}).`;
  }
  if (places.inProject) {
    return lang === "ja"
      ? `nsbook は PATH にありません。ターミナルでは ${places.inProject} と打ってください。`
      : `nsbook is not on PATH: in a terminal, type ${places.inProject}.`;
  }
  return lang === "ja"
    ? "nsbook コマンドが見つかりません。プロジェクトのフォルダで ./setup.sh を実行してください。"
    : "The nsbook command was not found: run ./setup.sh in the project folder.";
}
