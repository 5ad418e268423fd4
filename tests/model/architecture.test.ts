import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The engine's layout, checked from its import statements: no import cycle (type-only imports
 * included), and nothing imported from outside src/model but Node's built-ins and the pure
 * packages below.
 */

/**
 * Packages the engine may import: pure TypeScript with no DOM, Node or Electron dependency, so the
 * engine still runs in the renderer and a Web Worker. pure-rand: the seeded uniform variates of the
 * uncertainty draws (src/model/uncertainty/normal.ts).
 */
const ENGINE_PACKAGES = ['pure-rand'];
const isEnginePackage = (specifier: string): boolean =>
  ENGINE_PACKAGES.some((pkg) => specifier === pkg || specifier.startsWith(`${pkg}/`));

const MODEL = fileURLToPath(new URL('../../src/model', import.meta.url));

/**
 * Every specifier a file imports: statements starting `import … from '…'` (`import type` too) or
 * `export … from '…'`, side-effect `import '…'`, and `import('…')`. Anchored at the start of a line,
 * so that prose such as "where the numbers come from" in a comment is no import.
 */
const IMPORT =
  /^\s*(?:import|export)\s[^;]*?\sfrom\s*['"]([^'"\n]+)['"]|^\s*import\s*['"]([^'"\n]+)['"]|\bimport\(\s*['"]([^'"\n]+)['"]\)/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function specifiers(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map(
    (match) => (match[1] ?? match[2] ?? match[3]) as string,
  );
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The file a relative specifier names (`./x` is x.ts or x/index.ts), or null when there is none. */
function resolveRelative(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, join(base, 'index.ts'), base].find(isFile) ?? null;
}

const name = (file: string): string => relative(MODEL, file).replaceAll('\\', '/');

/** Each cycle found by depth-first search, as the files along it with the first repeated at the end. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'visiting');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'visiting') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

const files = sourceFiles(MODEL);
const graph = new Map<string, string[]>();
const outside: string[] = [];
for (const file of files) {
  const targets: string[] = [];
  for (const specifier of specifiers(file)) {
    if (!specifier.startsWith('.')) {
      if (!isBuiltin(specifier) && !isEnginePackage(specifier))
        outside.push(`${name(file)} imports '${specifier}'`);
      continue;
    }
    const target = resolveRelative(file, specifier);
    if (target === null || relative(MODEL, target).startsWith('..')) {
      outside.push(`${name(file)} imports '${specifier}'`);
    } else targets.push(name(target));
  }
  graph.set(name(file), targets);
}

describe('the engine’s import graph', () => {
  it('is read from every file, type-only imports included', () => {
    expect(graph.size).toBeGreaterThan(30);
    expect(graph.get('optimum/solve.ts')).toContain('optimum/allocator.ts');
    expect(graph.get('optimum/allocator.ts')).toContain('problem.ts'); // `import type { Problem }`
    expect(graph.get('index.ts')).toContain('optimum/solve.ts'); // a re-export
  });

  it('has no cycle', () => {
    expect(findCycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('imports nothing from outside src/model but Node’s built-ins and pure packages (no Electron, no DOM, no app code)', () => {
    expect(outside).toEqual([]);
    expect(graph.get('uncertainty/normal.ts')).toEqual([]); // its pure-rand imports are allowed, not followed
  });

  it('would catch a cycle, however long', () => {
    const cyclic = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['d.ts']],
    ]);
    expect(findCycles(cyclic)).toEqual([
      ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
      ['d.ts', 'd.ts'],
    ]);
  });
});
