/** A journal as an Excel sheet (platform reports: right to left in Arabic, money cells exact). */
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { renderXlsx, type TableReport } from '../../../../platform/reports/index.ts';
import ar from '../../i18n/books/ar.json' with { type: 'json' };
import fr from '../../i18n/books/fr.json' with { type: 'json' };
import type { Journal } from './contract.ts';
import { institutionInScope } from './institution.ts';
import { journalRows, type JournalRange } from './journals.ts';

type Lang = 'ar' | 'fr';
const catalogs = { ar: ar.books, fr: fr.books };

export async function journalReport(tx: Tx, _user: CurrentUser, institutionId: string, journal: Journal, range: JournalRange, lang: Lang): Promise<TableReport> {
  const institution = await institutionInScope(tx, institutionId);
  const page = await journalRows(tx, institutionId, journal, range);
  const c = catalogs[lang];
  const col = (key: keyof typeof ar.books.export.columns, type: TableReport['columns'][number]['type']) => ({
    key,
    headerAr: catalogs.ar.export.columns[key],
    headerFr: catalogs.fr.export.columns[key],
    type,
  });
  const period = `${range.from} → ${range.to}`;
  return {
    titleAr: `${catalogs.ar.journals[journal]} (${period})`,
    titleFr: `${catalogs.fr.journals[journal]} (${period})`,
    levelNameAr: institution.nameAr,
    levelNameFr: institution.nameFr,
    orientation: 'landscape',
    columns: [
      col('date', 'date'),
      col('counterparty', 'text'),
      col('line', 'text'),
      col('means', 'text'),
      col('reference', 'text'),
      col('description', 'text'),
      col('receipt', 'money'),
      col('payment', 'money'),
      col('balance', 'money'),
    ],
    rows: [
      { date: range.from, counterparty: c.export.opening, line: null, means: null, reference: null, description: null, receipt: null, payment: null, balance: page.openingMad },
      ...page.items.map((e) => ({
        date: e.entryDate,
        counterparty: e.counterparty,
        line: lang === 'ar' ? e.lineNameAr : e.lineNameFr,
        means: c.means[e.means],
        reference: e.reference,
        description: e.description,
        receipt: e.direction === 'receipt' ? e.amountMad : null,
        payment: e.direction === 'payment' ? e.amountMad : null,
        balance: e.balanceMad,
      })),
    ],
  };
}

export async function exportJournal(tx: Tx, user: CurrentUser, institutionId: string, journal: Journal, range: JournalRange, lang: Lang): Promise<Buffer> {
  return renderXlsx(await journalReport(tx, user, institutionId, journal, range, lang), lang);
}
