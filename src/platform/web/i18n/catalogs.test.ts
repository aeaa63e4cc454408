/**
 * Catalog parity (every ar.json has a fr.json with the same keys, none empty) and the guarantee
 * that screens hold no hard-coded text (the lint config applies i18next/no-literal-string to every
 * src/**\/web/**\/*.tsx and src/**\/public/**\/*.tsx, and the rule reports one).
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
  // `npm run lint` (part of `npm test`) lints every screen with the repository's config; linting them all
  // again here cost minutes. What this file guarantees instead: that config applies the rule, as an
  // error, to every screen file (web and public), and the rule reports a hard-coded string.
  const eslint = new ESLint({ cwd: repoRoot });
  const screens = (part: string) => findFiles(srcDir, (rel) => rel.endsWith('.tsx') && rel.split(path.sep).includes(part));

  it('applies i18next/no-literal-string as an error to every src/**/web/**/*.tsx and src/**/public/**/*.tsx', async () => {
    const web = screens('web');
    const site = screens('public');
    expect(web.length).toBeGreaterThan(10);
    expect(site.length).toBeGreaterThan(0);
    const uncovered: string[] = [];
    for (const file of [...web, ...site]) {
      const relative = path.relative(repoRoot, file);
      const config = (await eslint.isPathIgnored(file)) ? undefined : ((await eslint.calculateConfigForFile(file)) as { rules?: Record<string, unknown> } | undefined);
      const rule = config?.rules?.['i18next/no-literal-string'];
      const severity = Array.isArray(rule) ? rule[0] : rule;
      if (severity !== 2 && severity !== 'error') uncovered.push(`${relative}: ${JSON.stringify(rule)}`);
    }
    expect(uncovered).toEqual([]);
  }, 60_000); // loading the config's plugins takes seconds on 2 shared cores, and this is not a timing check

  it.each(['platform/web/__probe__.tsx', 'modules/directory/public/__probe__.tsx'])('reports a hard-coded JSX string in %s (the check works)', async (probe) => {
    const snippet = "export function Hello() {\n  return <p>مرحبا بكم</p>;\n}\nexport function Label() {\n  return <Button aria-label=\"Enregistrer\" />;\n}\n";
    const [result] = await eslint.lintText(snippet, { filePath: path.join(srcDir, probe) });
    const messages = (result?.messages ?? []).filter((m) => m.ruleId === 'i18next/no-literal-string');
    expect(messages.map((m) => m.line)).toEqual([2, 5]);
    expect(messages.every((m) => m.severity === 2)).toBe(true);
  });
});
