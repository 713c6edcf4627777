// Code that compiles but fails under tslab, found before a learner meets it. Each rule was seen on
// tslab 1.0.22 (see the project notes):
// - `{ x }` shorthand for a variable declared in another cell: ReferenceError (tslab rewrites the
//   variable to its cell exports but not the shorthand), so write `{ x: x }`;
// - `using` / `await using`: tslab's TypeScript 5.0 cannot compile them;
// - top-level `for await`: not supported by tslab's top-level-await rewrite.
import ts from "typescript";
import { type Notebook, textOf } from "./notebook-json.js";

function declaredNames(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const addBinding = (name: ts.BindingName) => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const el of name.elements) if (!ts.isOmittedExpression(el)) addBinding(el.name);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isBindingElement(node))
      addBinding(node.name);
    else if (
      (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isEnumDeclaration(node)) &&
      node.name
    ) {
      names.add(node.name.text);
    } else if (ts.isImportClause(node) && node.name) names.add(node.name.text);
    else if (ts.isNamespaceImport(node) || ts.isImportSpecifier(node)) names.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return names;
}

/** Problems in one code cell's source, one line each. */
export function cellPitfalls(source: string): string[] {
  const sf = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const declared = declaredNames(sf);
  const problems: string[] = [];
  const line = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isShorthandPropertyAssignment(node) && !declared.has(node.name.text)) {
      const n = node.name.text;
      problems.push(
        `line ${line(node)}: \`{ ${n} }\` uses \`${n}\` from another cell, which tslab turns into a ReferenceError; write \`${n}: ${n}\``,
      );
    }
    if (ts.isVariableDeclarationList(node) && (node.flags & ts.NodeFlags.Using) !== 0) {
      problems.push(`line ${line(node)}: \`using\` declarations do not compile under tslab (TypeScript 5.0)`);
    }
    if (ts.isForOfStatement(node) && node.awaitModifier && node.parent === sf) {
      problems.push(
        `line ${line(node)}: top-level \`for await\` does not run under tslab; wrap the loop in an async function`,
      );
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return problems;
}

/** Pitfalls of every code cell of a notebook. */
export function tslabPitfalls(nb: Notebook): string[] {
  return nb.cells.flatMap((cell, i) =>
    cell.cell_type === "code"
      ? cellPitfalls(textOf(cell.source)).map((p) => `cell ${i + 1}${cell.id ? ` (${cell.id})` : ""}, ${p}`)
      : [],
  );
}
