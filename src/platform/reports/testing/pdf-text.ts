/**
 * Test support: the text of a Chromium PDF as a reader that honours /ActualText sees it (Acrobat,
 * poppler; what copy and search give).
 *
 * Why not pdf.js alone: Noto Naskh Arabic draws a dotted letter as a dotless body plus a separate
 * dots glyph. Skia maps such glyphs to U+0000 in the font's ToUnicode table and records the real
 * letters in `/Span <</ActualText ...>> BDC` marked content, with RTL runs written in visual order
 * inside `/ReversedChars BMC`. pdf.js (5.x) ignores both, so its text for "بتاريخ" is a visual-order
 * mix of dotless letters and NULs. This reader handles exactly what Skia writes, nothing more.
 */
import { inflateSync } from 'node:zlib';

type ToUnicode = Map<number, string>;

interface PdfObjects {
  get(id: string): { dict: string; stream: Buffer | undefined } | undefined;
  all(): IterableIterator<[string, { dict: string; stream: Buffer | undefined }]>;
}

/**
 * The text runs of each page, in drawing order. Chromium draws each word as its own run, left to
 * right along a line; the letters inside a run are in logical order.
 */
export function pdfPageRuns(pdf: Buffer): string[][] {
  const objects = readObjects(pdf);
  const fonts = new Map<string, ToUnicode>();
  const pages: string[][] = [];
  for (const obj of pageObjects(objects)) {
    const fontNames = fontResources(obj.dict, objects);
    const maps = new Map<string, ToUnicode>();
    for (const [name, ref] of fontNames) {
      if (!fonts.has(ref)) fonts.set(ref, toUnicodeOf(ref, objects));
      maps.set(name, fonts.get(ref) ?? new Map());
    }
    const content = refs(/\/Contents\s+(\[[^\]]*\]|\d+ 0 R)/.exec(obj.dict)?.[1] ?? '')
      .map((ref) => objects.get(ref)?.stream?.toString('latin1') ?? '')
      .join('\n');
    pages.push(contentRuns(content, maps));
  }
  return pages;
}

/** Page dictionaries in page order: the catalog's page tree, walked depth first. */
function pageObjects(objects: PdfObjects): { dict: string }[] {
  const catalog = [...objects.all()].find(([, o]) => /\/Type\s*\/Catalog\b/.test(o.dict))?.[1];
  const walk = (ref: string): { dict: string }[] => {
    const node = objects.get(ref);
    if (!node) return [];
    if (!/\/Type\s*\/Pages\b/.test(node.dict)) return [node];
    return refs(/\/Kids\s*\[([^\]]*)\]/.exec(node.dict)?.[1] ?? '').flatMap(walk);
  };
  return walk(/\/Pages\s+(\d+) 0 R/.exec(catalog?.dict ?? '')?.[1] ?? '');
}

function readObjects(pdf: Buffer): PdfObjects {
  const text = pdf.toString('latin1');
  const table = new Map<string, { dict: string; stream: Buffer | undefined }>();
  const header = /(\d+) 0 obj\b/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const streamAt = body.indexOf('stream');
    const dict = streamAt < 0 ? body : body.slice(0, streamAt);
    table.set(match[1] ?? '', { dict, stream: streamAt < 0 ? undefined : streamBytes(pdf, start + streamAt, dict) });
    header.lastIndex = end;
  }
  return { get: (id) => table.get(id), all: () => table.entries() };
}

function streamBytes(pdf: Buffer, streamKeyword: number, dict: string): Buffer {
  const length = Number(/\/Length\s+(\d+)/.exec(dict)?.[1] ?? 0);
  let start = streamKeyword + 'stream'.length;
  if (pdf[start] === 0x0d) start += 1;
  if (pdf[start] === 0x0a) start += 1;
  const raw = pdf.subarray(start, start + length);
  return /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
}

function refs(text: string): string[] {
  return [...text.matchAll(/(\d+) 0 R/g)].map((m) => m[1] ?? '');
}

function fontResources(pageDict: string, objects: PdfObjects): Map<string, string> {
  let resources = /\/Resources\s+(\d+) 0 R/.exec(pageDict);
  const dict = resources ? (objects.get(resources[1] ?? '')?.dict ?? '') : pageDict;
  resources = /\/Font\s*<<([^>]*)>>/.exec(dict);
  const names = new Map<string, string>();
  for (const m of (resources?.[1] ?? '').matchAll(/\/(\S+)\s+(\d+) 0 R/g)) names.set(m[1] ?? '', m[2] ?? '');
  return names;
}

function toUnicodeOf(fontRef: string, objects: PdfObjects): ToUnicode {
  const ref = /\/ToUnicode\s+(\d+) 0 R/.exec(objects.get(fontRef)?.dict ?? '')?.[1];
  const cmap = (ref && objects.get(ref)?.stream?.toString('latin1')) || '';
  const map: ToUnicode = new Map();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) map.set(parseInt(m[1] ?? '', 16), utf16(m[2] ?? ''));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const [lo, hi, dst] = [parseInt(m[1] ?? '', 16), parseInt(m[2] ?? '', 16), parseInt(m[3] ?? '', 16)];
      for (let code = lo; code <= hi; code += 1) map.set(code, String.fromCodePoint(dst + code - lo));
    }
  }
  return map;
}

function utf16(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units).replace(/^\uFEFF/, '');
}

// Tokens of a content stream: dictionaries (kept whole), hex strings, names, and operators.
const TOKEN = /<<[\s\S]*?>>|<[0-9A-Fa-f\s]*>|\[[^\]]*\]|\/[^\s/<>[\]()]+|[A-Za-z'"*]+|-?[\d.]+/g;

interface Run {
  units: string[];
  reversed: boolean;
}

function contentRuns(content: string, fonts: Map<string, ToUnicode>): string[] {
  const runs: string[] = [];
  const marks: ('reversed' | 'actual' | 'other')[] = [];
  const operands: string[] = [];
  let font: ToUnicode = new Map();
  let run: Run = { units: [], reversed: false };
  for (const [token] of content.matchAll(TOKEN)) {
    if (!/^[A-Za-z'"*]+$/.test(token)) {
      operands.push(token);
      continue;
    }
    const args = operands.splice(0);
    switch (token) {
      case 'BT':
        run = { units: [], reversed: false };
        break;
      case 'ET':
        runs.push((run.reversed ? run.units.reverse() : run.units).join(''));
        break;
      case 'Tf':
        font = fonts.get(args[0]?.slice(1) ?? '') ?? new Map();
        break;
      case 'BMC':
        marks.push(args[0] === '/ReversedChars' ? 'reversed' : 'other');
        if (args[0] === '/ReversedChars') run.reversed = true;
        break;
      case 'BDC': {
        const actual = /\/ActualText\s*<([0-9A-Fa-f]*)>/.exec(args[1] ?? '');
        marks.push(actual ? 'actual' : 'other');
        if (actual) run.units.push(utf16(actual[1] ?? ''));
        break;
      }
      case 'EMC':
        marks.pop();
        break;
      case 'Tj':
      case 'TJ':
        // Glyphs under an ActualText span are already represented by its text.
        if (!marks.includes('actual')) run.units.push(...glyphs(args.join(' '), font));
        break;
    }
  }
  // Invisible runs (spaces, direction marks) carry no word.
  return runs.map((r) => r.replace(/[\u200e\u200f]/g, '').trim()).filter((r) => r !== '');
}

function glyphs(operand: string, font: ToUnicode): string[] {
  const units: string[] = [];
  for (const [, hex] of operand.matchAll(/<([0-9A-Fa-f\s]*)>/g)) {
    const clean = (hex ?? '').replace(/\s/g, '');
    for (let i = 0; i + 4 <= clean.length; i += 4) units.push(font.get(parseInt(clean.slice(i, i + 4), 16)) ?? '');
  }
  return units;
}
