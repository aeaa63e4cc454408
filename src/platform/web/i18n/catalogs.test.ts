/**
 * Catalog parity (every ar.json has a fr.json with the same keys, none empty) and the guarantee
 * that screens hold no hard-coded text (i18next/no-literal-string over src/**\/web/**\/*.tsx).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const srcDir = path.join(repoRoot, 'src');

function findFiles(dir: string, test: (rel: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => !rel.split(path.sep).includes('node_modules') && test(rel))
    .map((rel) => path.join(dir, rel));
}

type Tree = { [key: string]: unknown };
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value as Tree, full)) out.set(k, v);
    } else out.set(full, value);
  }
  return out;
}
const load = (file: string) => flatten(JSON.parse(readFileSync(file, 'utf8')) as Tree);

describe('message catalogs', () => {
  const arabic = findFiles(srcDir, (rel) => path.basename(rel) === 'ar.json');
  const french = findFiles(srcDir, (rel) => path.basename(rel) === 'fr.json');

  it('exist for the shell and every module with screens', () => {
    const rel = arabic.map((f) => path.relative(repoRoot, f));
    for (const expected of ['src/platform/web/i18n/ar.json', 'src/modules/territory/i18n/ar.json', 'src/modules/access/i18n/ar.json', 'src/platform/audit/i18n/ar.json']) {
      expect(rel).toContain(expected);
    }
  });

  it.each(arabic.map((f) => [path.relative(repoRoot, f), f]))('%s has a French twin with the same keys', (_name, ar) => {
    const fr = path.join(path.dirname(ar), 'fr.json');
    expect(existsSync(fr), `${fr} is missing`).toBe(true);
    const a = load(ar);
    const f = load(fr);
    expect([...f.keys()].filter((k) => !a.has(k)), 'keys only in French').toEqual([]);
    expect([...a.keys()].filter((k) => !f.has(k)), 'keys only in Arabic').toEqual([]);
  });

  it.each(french.map((f) => [path.relative(repoRoot, f), f]))('%s has an Arabic twin', (_name, fr) => {
    expect(existsSync(path.join(path.dirname(fr), 'ar.json'))).toBe(true);
  });

  it.each([...arabic, ...french].map((f) => [path.relative(repoRoot, f), f]))('%s has no empty message', (_name, file) => {
    const empty = [...load(file)].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });
});

describe('no hard-coded text in screens', () => {
  // The repository's config, with the rule stated again so the test does not depend on it staying there.
  const eslint = new ESLint({ cwd: repoRoot, overrideConfig: { files: ['src/**/web/**/*.tsx'], rules: { 'i18next/no-literal-string': ['error', { mode: 'jsx-only' }] } } });

  it('finds no literal string in JSX under src/**/web/**/*.tsx', async () => {
    const files = findFiles(srcDir, (rel) => rel.endsWith('.tsx') && rel.split(path.sep).includes('web'));
    expect(files.length).toBeGreaterThan(10);
    const results = await eslint.lintFiles(files);
    const found = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId === 'i18next/no-literal-string' || m.fatal).map((m) => `${path.relative(repoRoot, r.filePath)}:${m.line} ${m.message}`),
    );
    expect(found).toEqual([]);
  }, 240_000); // eslint over every screen: slow on 2 shared cores, and not a timing check

  it('reports a hard-coded JSX string (the check works)', async () => {
    const snippet = "export function Hello() {\n  return <p>مرحبا بكم</p>;\n}\nexport function Label() {\n  return <Button aria-label=\"Enregistrer\" />;\n}\n";
    const [result] = await eslint.lintText(snippet, { filePath: path.join(srcDir, 'platform/web/__probe__.tsx') });
    const messages = (result?.messages ?? []).filter((m) => m.ruleId === 'i18next/no-literal-string');
    expect(messages.map((m) => m.line)).toEqual([2, 5]);
  });
});
