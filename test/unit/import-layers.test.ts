// The layering the architecture promises, checked on the source: shared <- domain <- transport/store, the
// widget and console never reach into the server, and no module imports itself round a circle.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const sourceDirs = ['shared', 'server', 'widget'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const specifiers = (text: string) =>
  [...text.matchAll(/(?:^|\s)(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)].map((m) => (m[1] ?? m[2])!);

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, base, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const files = sourceDirs.flatMap((dir) => sourceFiles(join(root, dir)));
const graph = new Map(
  files.map((file) => {
    const specs = specifiers(readFileSync(file, 'utf8'));
    return [file, { packages: specs.filter((s) => !s.startsWith('.')), local: specs.map((s) => resolveLocal(file, s)).filter((f) => f !== null) }];
  }),
);
const rel = (file: string) => relative(root, file);
const within = (file: string, dir: string) => rel(file) === dir || rel(file).startsWith(`${dir}/`);

function offenders(from: string, allowedDirs: string[], forbiddenPackages: RegExp = /^$/): string[] {
  return [...graph]
    .filter(([file]) => within(file, from))
    .flatMap(([file, { packages, local }]) => [
      ...local.filter((target) => !allowedDirs.some((dir) => within(target, dir))).map((target) => `${rel(file)} -> ${rel(target)}`),
      ...packages.filter((p) => forbiddenPackages.test(p)).map((p) => `${rel(file)} -> ${p}`),
    ]);
}

describe('import layers', () => {
  it('found the source it checks', () => {
    expect(files.length).toBeGreaterThan(100);
    expect([...graph.values()].some((node) => node.local.length > 0)).toBe(true);
  });

  it('shared imports nothing of ours outside shared', () => {
    expect(offenders('shared', ['shared'])).toEqual([]);
  });

  it('the domain imports only shared and itself, and no transport, web or SQL library', () => {
    expect(offenders('server/domain', ['shared', 'server/domain'], /^(express|socket\.io|kysely|better-sqlite3|pg|ioredis)/)).toEqual([]);
  });

  it('the store and the transports build on the domain and never on each other', () => {
    expect(offenders('server/store', ['shared', 'server/domain', 'server/store'], /^(express|socket\.io)/)).toEqual([]);
    expect(
      offenders('server/transport', ['shared', 'server/domain', 'server/transport', 'server/log.ts', 'server/paths.ts'], /^(kysely|better-sqlite3)/),
    ).toEqual([]);
  });

  it('the transports never read the store: no Store port, no `services.store`, the domain services answer', () => {
    // Comments and string literals (a 'no-store' header) are not code; what is left must not name the store.
    const code = (text: string) =>
      text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
        .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
    const transport = [...graph.keys()].filter((file) => within(file, 'server/transport'));
    expect(transport.length).toBeGreaterThan(20);
    const readers = transport.filter((file) => /\bstore\b|\bStore\b/.test(code(readFileSync(file, 'utf8')))).map(rel);
    expect(readers).toEqual([]);
    expect(
      transport.flatMap((file) =>
        (graph.get(file)?.local ?? [])
          .filter((target) => within(target, 'server/store') || rel(target) === 'server/domain/ports.ts')
          .map((target) => `${rel(file)} -> ${rel(target)}`),
      ),
    ).toEqual([]);
  });

  it('the widget and the console never import server code', () => {
    expect(offenders('widget', ['widget', 'shared'])).toEqual([]);
    expect(offenders('server/console', ['server/console', 'shared'])).toEqual([]);
  });

  it('has no import circles', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const circles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        circles.push([...path.slice(path.indexOf(file)), file].map(rel).join(' -> '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of graph.get(file)?.local ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(circles).toEqual([]);
  });
});
