/**
 * The convention as a PDF in Arabic or French (platform reports): its identity, the institutions
 * covered, each partner's amount per year, the obligations of each party and the signatories.
 * Read under row-level security: a convention out of scope answers 404.
 */
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { renderPdf, type RenderOptions, type ReportLang, type ReportValue, type TableReport } from '../../../../platform/reports/index.ts';
import { centimesToMad, madToCentimes } from '../../../../platform/contract/money.ts';
import type { Convention } from './contract.ts';
import { getConvention } from './service.ts';
import { label, pick } from './labels.ts';

type Row = Record<string, ReportValue>;

/** A partner's commitment over every year, added exactly in centimes. */
const partnerTotal = (p: Convention['partners'][number]) => centimesToMad(p.amounts.reduce((s, a) => s + madToCentimes(a.amountMad), 0n));

function rowsOf(c: Convention, lang: ReportLang): Row[] {
  const row = (section: string, item: string, detail: string | null = null, amount: string | null = null, date: string | null = null): Row => ({
    section: label(lang, `pdf.${section}`),
    item,
    detail,
    amount,
    date,
  });
  const partnerName = (id: string | null) => {
    const p = c.partners.find((x) => x.id === id);
    return p ? pick(lang, p.nameAr, p.nameFr) : '';
  };
  const partyName = (party: string, partnerId: string | null) => (party === 'partner' ? partnerName(partnerId) : label(lang, `enums.party.${party}`));
  return [
    row('identity', label(lang, 'pdf.reference'), c.reference),
    row('identity', label(lang, 'pdf.association'), pick(lang, c.associationNameAr, c.associationNameFr)),
    row('identity', label(lang, 'pdf.object'), pick(lang, c.objectAr, c.objectFr)),
    row('identity', label(lang, 'pdf.startsOn'), null, null, c.startsOn),
    row('identity', label(lang, 'pdf.endsOn'), null, null, c.endsOn),
    row('identity', label(lang, 'pdf.total'), null, c.totalMad),
    row('identity', label(lang, 'pdf.status'), label(lang, `enums.status.${c.status}`), null, c.signedOn),
    row('identity', label(lang, 'pdf.amendment'), String(c.amendment)),
    ...c.institutions.map((i) => row('institutions', pick(lang, i.nameAr, i.nameFr))),
    ...c.partners.flatMap((p) => [
      row('partners', pick(lang, p.nameAr, p.nameFr), label(lang, `enums.partnerKind.${p.kind}`), partnerTotal(p), p.sggDeclaredOn),
      ...p.amounts.map((a) => row('amounts', pick(lang, p.nameAr, p.nameFr), String(a.year), a.amountMad)),
    ]),
    ...c.obligations.map((o) => row('obligations', partyName(o.party, o.partnerId), pick(lang, o.textAr, o.textFr))),
    ...c.signatories.map((s) => row('signatories', s.fullName, `${s.title} - ${partyName(s.party, s.partnerId)}`, null, s.signedOn)),
    ...c.amendments.map((v) => row('amendments', `${label(lang, 'pdf.amendment')} ${v.amendment}`, pick(lang, v.reasonAr, v.reasonFr), null, v.signedOn)),
  ];
}

export async function conventionReport(tx: Tx, user: CurrentUser, id: string, lang: ReportLang): Promise<TableReport> {
  const c = await getConvention(tx, user, id);
  const column = (key: string, type: TableReport['columns'][number]['type']) => ({ key, type, headerAr: label('ar', `pdf.columns.${key}`), headerFr: label('fr', `pdf.columns.${key}`) });
  return {
    titleAr: `${label('ar', 'pdf.title')} ${c.reference}`,
    titleFr: `${label('fr', 'pdf.title')} ${c.reference}`,
    levelNameAr: user.scope.nameAr,
    levelNameFr: user.scope.nameFr,
    columns: [column('section', 'text'), column('item', 'text'), column('detail', 'text'), column('amount', 'money'), column('date', 'date')],
    rows: rowsOf(c, lang),
  };
}

export async function conventionPdf(tx: Tx, user: CurrentUser, id: string, lang: ReportLang, options?: RenderOptions): Promise<Buffer> {
  return renderPdf(await conventionReport(tx, user, id, lang), lang, options);
}
