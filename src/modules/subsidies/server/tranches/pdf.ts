/**
 * The payment statement of a convention (relevé des paiements), printed by the platform's reports
 * in Arabic or French: each tranche with its planned date and amount, each disbursement (payment
 * order, reference, date, amount) and the delay in days, then the totals. Read under row-level
 * security: a convention out of scope answers 404.
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { renderPdf, type ReportLang, type TableReport } from '../../../../platform/reports/index.ts';
import ar from '../../i18n/tranches/ar.json' with { type: 'json' };
import fr from '../../i18n/tranches/fr.json' with { type: 'json' };
import { conventionHead } from './queries.ts';

const labels = { ar: ar.tranches.pdf, fr: fr.tranches.pdf };
const statusLabels = { ar: ar.tranches.status, fr: fr.tranches.status };

interface StatementRow {
  year: number;
  position: number;
  planned_on: string;
  amount_mad: string;
  status: 'planned' | 'released' | 'paid' | 'cancelled';
  payment_order: string | null;
  payment_reference: string | null;
  paid_on: string | null;
  paid_mad: string | null;
  delay_planned_days: number | null;
  first: boolean;
}

export async function paymentStatementPdf(tx: Tx, user: CurrentUser, conventionId: string, lang: ReportLang): Promise<Buffer> {
  const head = await conventionHead(tx, conventionId);
  const { rows } = await sql<StatementRow>`
    SELECT t.year, t.position, t.planned_on, t.amount_mad, t.status, d.payment_order, d.payment_reference, d.paid_on,
      d.amount_mad AS paid_mad, f.delay_planned_days,
      row_number() OVER (PARTITION BY t.id ORDER BY d.paid_on, d.created_at) = 1 AS first
    FROM subsidies.tranches t
    JOIN subsidies.tranche_figures f ON f.tranche_id = t.id
    LEFT JOIN subsidies.disbursements d ON d.tranche_id = t.id
    WHERE t.convention_id = ${conventionId}::uuid AND t.status <> 'cancelled'
    ORDER BY t.year, t.position, d.paid_on NULLS LAST, d.created_at`.execute(tx);
  const totals = await sql<{ due: string; paid: string }>`
    SELECT coalesce(sum(t.amount_mad), 0)::numeric(14,2)::text AS due, coalesce(sum(subsidies.paid_mad(t.id)), 0)::numeric(14,2)::text AS paid
    FROM subsidies.tranches t WHERE t.convention_id = ${conventionId}::uuid AND t.status <> 'cancelled'`.execute(tx);
  const l = labels[lang];
  const report: TableReport = {
    titleAr: `${labels.ar.title} - ${head.reference} - ${head.association_name_ar}`,
    titleFr: `${labels.fr.title} - ${head.reference} - ${head.association_name_fr}`,
    // The delegation's name is already "Délégation provinciale de l'Entraide Nationale - …".
    levelNameAr: head.delegation_name_ar ?? user.scope.nameAr,
    levelNameFr: head.delegation_name_fr ?? user.scope.nameFr,
    orientation: 'landscape',
    columns: [
      { key: 'tranche', headerAr: labels.ar.tranche, headerFr: labels.fr.tranche, type: 'text' },
      { key: 'plannedOn', headerAr: labels.ar.plannedOn, headerFr: labels.fr.plannedOn, type: 'date' },
      { key: 'amount', headerAr: labels.ar.amount, headerFr: labels.fr.amount, type: 'money' },
      { key: 'status', headerAr: labels.ar.status, headerFr: labels.fr.status, type: 'text' },
      { key: 'order', headerAr: labels.ar.paymentOrder, headerFr: labels.fr.paymentOrder, type: 'text' },
      { key: 'reference', headerAr: labels.ar.paymentReference, headerFr: labels.fr.paymentReference, type: 'text' },
      { key: 'paidOn', headerAr: labels.ar.paidOn, headerFr: labels.fr.paidOn, type: 'date' },
      { key: 'paid', headerAr: labels.ar.paid, headerFr: labels.fr.paid, type: 'money' },
      { key: 'delay', headerAr: labels.ar.delay, headerFr: labels.fr.delay, type: 'number' },
    ],
    rows: [
      ...rows.map((r) => ({
        tranche: r.first ? l.trancheName.replace('{{year}}', String(r.year)).replace('{{position}}', String(r.position)) : '',
        plannedOn: r.first ? r.planned_on : null,
        amount: r.first ? r.amount_mad : null,
        status: r.first ? statusLabels[lang][r.status] : '',
        order: r.payment_order,
        reference: r.payment_reference,
        paidOn: r.paid_on,
        paid: r.paid_mad,
        delay: r.first ? r.delay_planned_days : null,
      })),
      { tranche: l.total, plannedOn: null, amount: totals.rows[0]!.due, status: null, order: null, reference: null, paidOn: null, paid: totals.rows[0]!.paid, delay: null },
    ],
  };
  return renderPdf(report, lang);
}
