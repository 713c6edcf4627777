// The names a notebook cell declares at its top level (what later cells can use once it has run), read with
// TypeScript's own parser: `const`/`let`/`var` (destructuring too), functions, classes, enums, types,
// interfaces, namespaces and imports.
import ts from "typescript";

function bindingNames(name: ts.BindingName, out: Set<string>): void {
  if (ts.isIdentifier(name)) {
    out.add(name.text);
    return;
  }
  for (const element of name.elements) {
    if (ts.isBindingElement(element)) bindingNames(element.name, out);
  }
}

function importNames(decl: ts.ImportDeclaration, out: Set<string>): void {
  const clause = decl.importClause;
  if (!clause) return;
  if (clause.name) out.add(clause.name.text);
  const bindings = clause.namedBindings;
  if (!bindings) return;
  if (ts.isNamespaceImport(bindings)) out.add(bindings.name.text);
  else for (const spec of bindings.elements) out.add(spec.name.text);
}

/** The top-level names declared by the TypeScript source of one cell (a cell that does not parse declares what it can). */
export function declaredNames(source: string): Set<string> {
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const out = new Set<string>();
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) bindingNames(d.name, out);
    } else if (ts.isImportDeclaration(statement)) {
      importNames(statement, out);
    } else if (ts.isImportEqualsDeclaration(statement)) {
      out.add(statement.name.text);
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isEnumDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isModuleDeclaration(statement)) &&
      statement.name &&
      ts.isIdentifier(statement.name)
    ) {
      out.add(statement.name.text);
    }
  }
  return out;
}
