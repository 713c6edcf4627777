// Commands that act on one container by NAME: find it in whichever scope this user may see, then act there.
import { locateContainer, scopeText } from "../lib/index.js";

/**
 * Finds container `given` (NAME, or LEARNER/SESSION/NAME) among the scopes this process may see and makes its
 * scope this process's scope (NSBOOK_SCOPE), so the command that follows acts there: a learner at a terminal
 * reaches the container their notebook's kernel started. Returns the bare name; when nothing matches, `given`
 * unchanged (the command then says there is no such container). Several matches: the library's error listing
 * them.
 */
export async function enterScopeOf(given: string): Promise<string> {
  const found = await locateContainer(given);
  if (!found) return given;
  if (found.scope) process.env.NSBOOK_SCOPE = scopeText(found.scope);
  return found.name;
}
