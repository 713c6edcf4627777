// The line a cleanup cell prints for each container it removed (notebooks 05-07), in the notebook's language.
import { localize } from "../i18n/index.js";

/** "NAME: stopped and removed", or "NAME: nothing to remove" when no such container existed. */
export function describeRemoval(name: string, existed: boolean): string {
  return existed
    ? localize({ en: `${name}: stopped and removed`, ja: `${name}：停止して削除しました` })
    : localize({ en: `${name}: nothing to remove`, ja: `${name}：削除するものはありません` });
}
