/** Labels of the conventions' web catalog, for the documents the server prints (PDF, spreadsheet). */
import type { ReportLang } from '../../../../platform/reports/index.ts';
import ar from '../../i18n/conventions/ar.json' with { type: 'json' };
import fr from '../../i18n/conventions/fr.json' with { type: 'json' };

const catalogs = { ar, fr };

/** 'pdf.total', 'enums.status.signed'… under the part's root; the key itself when missing. */
export function label(lang: ReportLang, path: string): string {
  let node: unknown = catalogs[lang].conventions;
  for (const part of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : path;
}

export const pick = (lang: ReportLang, arText: string, frText: string) => (lang === 'ar' ? arText : frText);
