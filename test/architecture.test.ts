/**
 * The dependency rule, checked mechanically: the core imports nothing but itself and Node's
 * built-ins; platform SDKs stay in their adapter folders.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(directory: string): string[] {
  return readdirSync(join(root, directory), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(directory, entry.name)) : entry.name.endsWith('.ts') ? [join(directory, entry.name)] : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (match) => match[1] ?? match[2] ?? '',
  );
}

describe('architecture', () => {
  it('the core imports only itself and node: built-ins', () => {
    const offenders = sourceFiles('src/core').flatMap((file) =>
      importsOf(file)
        .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:'))
        .map((specifier) => `${relative(root, join(root, file))} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the core never reaches into adapters, the app or the CLI', () => {
    const offenders = sourceFiles('src/core').flatMap((file) =>
      importsOf(file)
        .filter((specifier) => /\/(adapters|app|cli)\//.test(specifier) || specifier.includes('config'))
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('platform SDKs are imported only in their adapter folders', () => {
    const allowed: Record<string, RegExp> = {
      '@slack/bolt': /^src\/adapters\/slack\//,
      botbuilder: /^src\/adapters\/teams\//,
      'botframework-connector': /^src\/adapters\/teams\//,
      keyv: /^src\/adapters\/storage\//,
      '@keyv/': /^src\/adapters\/storage\//,
    };
    const offenders = sourceFiles('src').flatMap((file) =>
      importsOf(file)
        .filter((specifier) => Object.entries(allowed).some(([name, place]) => specifier.startsWith(name) && !place.test(file)))
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('adapters reach the core through its entry file and public types, never its use cases or interaction handling', () => {
    // The core owns every interaction's behaviour; an adapter only decodes payloads and implements
    // a Surface, so it needs the entry file (src/core/index.ts), ports to implement and the neutral
    // models it renders, never the use cases, the interaction handling or the core's dependencies.
    const internals = /\/core\/(use-cases|interactions|commands\/execute|commands\/grammar|forms\/submit-form|web-views)\b/;
    const offenders = sourceFiles('src/adapters').flatMap((file) =>
      importsOf(file)
        .filter((specifier) => internals.test(specifier))
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it("adapters never hold the core's dependencies", () => {
    const offenders = sourceFiles('src/adapters').filter((file) => /\bcore\.deps\b/.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
