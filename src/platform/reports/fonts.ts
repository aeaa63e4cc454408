/**
 * The report font, embedded in the HTML as data URLs: the PDF must not depend on the fonts of the
 * machine (a server often has none with Arabic) nor on the network (Chromium is offline).
 *
 * Noto Naskh Arabic's own Latin subsets cover French (letters, accents, digits, punctuation), so
 * one family serves both languages and Latin names inside Arabic text match in style.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const PACKAGE = '@fontsource/noto-naskh-arabic';
export const FONT_FAMILY = 'Noto Naskh Arabic';

const SUBSETS = ['arabic', 'latin', 'latin-ext'] as const;
export type FontWeight = 400 | 700;

// Fontsource's per-subset CSS carries the exact unicode-range of each file; we keep it and only
// swap the relative url() for the file's bytes, dropping the older woff fallback Chromium never needs.
const SRC = /src:\s*url\(\.\/files\/([^)]+\.woff2)\)\s*format\('woff2'\)[^;]*;/g;

function packageDir(): string {
  return dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`));
}

function embedSubset(dir: string, subset: string, weight: FontWeight): string {
  const css = readFileSync(join(dir, `${subset}-${weight}.css`), 'utf8');
  let found = false;
  const embedded = css.replace(SRC, (_match, file: string) => {
    found = true;
    const base64 = readFileSync(join(dir, 'files', file)).toString('base64');
    return `src: url(data:font/woff2;base64,${base64}) format('woff2');`;
  });
  // A new package layout must fail loudly here, not print reports in a fallback font.
  if (!found) throw new Error(`${PACKAGE}: no woff2 source in ${subset}-${weight}.css`);
  return embedded.replace(/font-display:\s*swap;/g, 'font-display: block;');
}

const cache = new Map<string, string>();

/** @font-face rules for the given weights; read from node_modules once per process. */
export function fontFaceCss(weights: readonly FontWeight[]): string {
  const key = weights.join(',');
  let css = cache.get(key);
  if (css === undefined) {
    const dir = packageDir();
    css = weights.flatMap((w) => SUBSETS.map((s) => embedSubset(dir, s, w))).join('\n');
    cache.set(key, css);
  }
  return css;
}
