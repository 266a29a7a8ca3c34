import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();

/** Every TypeScript file under `dir`. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The file a relative specifier names: `x.ts`, `x.tsx` or `x/index.ts`. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find(
    (path) => existsSync(path) && statSync(path).isFile(),
  );
}

/** Relative imports and re-exports of a file, type-only ones included (a circle of types is still a circle). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specifiers.flatMap((specifier) => resolveSpecifier(file, specifier) ?? []);
}

/** Each import circle once, as the files along it (Tarjan's strongly connected components). */
function circles(files: string[]): string[][] {
  const graph = new Map(files.map((file) => [file, importsOf(file)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next);
    next += 1;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(relative(root, member));
      } while (member !== file);
      const selfImport = (graph.get(file) ?? []).includes(file);
      if (component.length > 1 || selfImport) found.push(component.sort());
    }
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return found;
}

describe('imports of main/ and preload/', () => {
  it('form no circle', () => {
    const files = [...sourcesUnder(join(root, 'main')), ...sourcesUnder(join(root, 'preload'))];

    expect(circles(files)).toEqual([]);
  });

  it('finds a circle when there is one, type-only imports included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'circles-'));
    writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = b;\n");
    writeFileSync(join(dir, 'b.ts'), "import type { C } from './c';\nexport const b = 1 as C;\n");
    writeFileSync(join(dir, 'c.ts'), "export type { a as C } from './a';\n");
    writeFileSync(join(dir, 'd.ts'), "import { a } from './a';\nexport const d = a;\n");

    const found = circles(['a.ts', 'b.ts', 'c.ts', 'd.ts'].map((name) => join(dir, name)));
    rmSync(dir, { recursive: true });

    expect(found.map((circle) => circle.map((file) => file.replace(/^.*\//, '')))).toEqual([
      ['a.ts', 'b.ts', 'c.ts'],
    ]);
  });
});
