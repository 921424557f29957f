// The process-boundary rules, checked from the syntax tree so that `import type` is told apart.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule:
    | 'drivers-imports-electron'
    | 'drivers-imports-src-main'
    | 'electron-outside-shell'
    | 'renderer-imports-src-main'
    | 'src-main-imports-driver-internals';
}

export interface ImportRef {
  specifier: string;
  typeOnly: boolean;
  line: number;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const ROOTS = ['src-main', 'src-renderer', 'drivers', 'scripts'];

/** Every module a file imports, re-exports, dynamically imports or requires. */
export function importsOf(fileName: string, text: string): ImportRef[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const refs: ImportRef[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const allSpecifiersTyped =
        clause !== undefined &&
        clause.name === undefined &&
        clause.namedBindings !== undefined &&
        ts.isNamedImports(clause.namedBindings) &&
        clause.namedBindings.elements.length > 0 &&
        clause.namedBindings.elements.every((e) => e.isTypeOnly);
      refs.push({ specifier: node.moduleSpecifier.text, typeOnly: Boolean(clause?.isTypeOnly) || allSpecifiersTyped, line: lineOf(node) });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      refs.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly, line: lineOf(node) });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expr = node.moduleReference.expression;
      if (ts.isStringLiteral(expr)) refs.push({ specifier: expr.text, typeOnly: node.isTypeOnly, line: lineOf(node) });
    } else if (ts.isCallExpression(node) && node.arguments.length === 1) {
      const [arg] = node.arguments;
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if ((isDynamicImport || isRequire) && arg && ts.isStringLiteralLike(arg)) {
        refs.push({ specifier: arg.text, typeOnly: false, line: lineOf(node) });
      }
    } else if (ts.isImportTypeNode(node)) {
      // `import('x').T` in a type position never runs.
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return refs;
}

function listSources(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist') return [];
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return listSources(full);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

const isElectron = (specifier: string) => specifier === 'electron' || specifier.startsWith('electron/');
const within = (path: string, dir: string) => path === dir || path.startsWith(dir + sep);

/** Checks every source file under the project's roots against the boundary rules. */
export function checkBoundaries(projectRoot: string): Violation[] {
  const root = resolve(projectRoot);
  const srcMain = join(root, 'src-main');
  const electronShell = join(srcMain, 'shell', 'electron');
  const drivers = join(root, 'drivers');
  // The drivers' public surface, however the specifier spells it.
  const driversIndex = new Set(['index', 'index.js', 'index.ts'].map((f) => join(drivers, f)).concat(drivers));
  const violations: Violation[] = [];
  for (const top of ROOTS) {
    for (const file of listSources(join(root, top))) {
      const rel = relative(root, file);
      for (const ref of importsOf(file, readFileSync(file, 'utf8'))) {
        const target = ref.specifier.startsWith('.') ? resolve(dirname(file), ref.specifier) : undefined;
        const intoSrcMain = target !== undefined && within(target, srcMain);
        const add = (rule: Violation['rule']) => violations.push({ file: rel, line: ref.line, specifier: ref.specifier, rule });
        if (top === 'drivers') {
          if (isElectron(ref.specifier)) add('drivers-imports-electron');
          if (intoSrcMain) add('drivers-imports-src-main');
        } else if (isElectron(ref.specifier) && !within(file, electronShell)) {
          add('electron-outside-shell');
        }
        if (top === 'src-renderer' && intoSrcMain && !ref.typeOnly) add('renderer-imports-src-main');
        // Types too: what the core may lean on is what drivers/index.ts exports.
        if (top === 'src-main' && target !== undefined && within(target, drivers) && !driversIndex.has(target)) add('src-main-imports-driver-internals');
      }
    }
  }
  return violations;
}
