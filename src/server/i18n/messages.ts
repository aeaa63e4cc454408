/**
 * Server-side messages (problem+json titles, details and field errors) in the user's language.
 * Platform messages live here; each module adds its own catalog with registerMessages().
 */
import type { Language } from '../../platform/contract/common.ts';
import ar from './ar.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };

type Catalog = Record<string, unknown>;
const catalogs: Record<Language, Catalog[]> = { ar: [ar], fr: [fr] };

export function registerMessages(messages: Record<Language, Catalog>): void {
  catalogs.ar.push(messages.ar);
  catalogs.fr.push(messages.fr);
}

function lookup(catalog: Catalog, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function translate(lang: Language, key: string, params: Record<string, unknown> = {}): string {
  for (const catalog of catalogs[lang]) {
    const found = lookup(catalog, key);
    if (found !== undefined) return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
  }
  return key;
}

export function pickLanguage(acceptLanguage: string | undefined): Language {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('fr') ? 'fr' : 'ar';
}
