/**
 * Conventions: drafting (terms, funding, signatories), signature after approval, amendments.
 * Only the author level of the approval chain drafts (the delegate for a delegation's convention,
 * the regional coordinator for a region's), and only sections that are open or returned; the
 * database refuses the rest whoever writes (0131). Every refusal writes nothing: the request's
 * transaction rolls back.
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { AppError, invalidFields, notFound } from '../../../../server/errors.ts';
import { findSubmission, openSubmission, type DocumentType } from '../../../../platform/approvals/index.ts';
import { entitledAt, type ScopeKeys } from '../../../../platform/approvals/chain.ts';
import { notEntitled } from '../../../../platform/approvals/server/service.ts';
import { todayInMorocco } from '../../../../platform/deadlines/index.ts';
import { madToCentimes } from '../../../../platform/contract/money.ts';
import { delegationConvention, regionConvention } from '../../approval.ts';
import { fundingTotal, type AmendmentBody, type CancelConventionBody, type CloseConventionBody, type Convention, type CreateConventionBody, type FundingBody, type SignBody, type SignatoriesBody, type TermsBody } from './contract.ts';
import { approvalSubject, findConventionParts, findConventions, fundedMad } from './queries.ts';

const locked = () => new AppError(409, 'approvals.errors.locked');
const conflict = (key: string) => new AppError(409, `subsidies.errors.${key}`);

/** A delegation's convention has the delegation chain; a region's, and central's (no chain of its own yet, decision 0026), the region one. */
export const typeOfLevel = (level: string): DocumentType => (level === 'delegation' ? delegationConvention : regionConvention);
/** The association is in the submission's keys so that it reads its convention's approval history. */
const scopeKeys = (c: { regionId: string | null; delegationId: string | null; associationId: string }): ScopeKeys => ({ regionId: c.regionId, delegationId: c.delegationId, associationId: c.associationId, institutionId: null });
const linkOf = (id: string) => `/subsidies/conventions/${id}`;
const chainOf = (type: DocumentType) => type.chain.map((l) => l.level);

/** The draft submission of a convention (not of an amendment), labelled with its reference and association. */
async function openConventionSubmission(tx: Tx, c: { id: string; reference: string; ownerLevel: string; regionId: string | null; delegationId: string | null; associationId: string }): Promise<void> {
  const association = await tx.selectFrom('registry.associations').select(['name_ar', 'name_fr']).where('id', '=', c.associationId).executeTakeFirstOrThrow();
  await openSubmission(tx, {
    type: typeOfLevel(c.ownerLevel).key,
    subjectId: c.id,
    labelAr: `اتفاقية ${c.reference} - ${association.name_ar}`,
    labelFr: `Convention ${c.reference} - ${association.name_fr}`,
    link: linkOf(c.id),
    scope: scopeKeys(c),
  });
}

export async function getConvention(tx: Tx, user: CurrentUser, id: string): Promise<Convention> {
  const [summary] = await findConventions(tx, {}, { ids: [id], today: todayInMorocco() });
  if (!summary) throw notFound();
  const parts = await findConventionParts(tx, id);
  const type = typeOfLevel(summary.ownerLevel);
  const submission = (await findSubmission(tx, user, { type: type.key, subjectId: await approvalSubject(tx, id) })) ?? null;
  const author = entitledAt(type, submission?.chain ?? chainOf(type), 0, user, scopeKeys(summary));
  const latest = parts.amendments[parts.amendments.length - 1];
  const termsSigned = !latest || latest.signedOn !== null;
  return {
    ...summary,
    ...parts,
    fundedMad: await fundedMad(tx, id),
    submission,
    editable: submission ? submission.can.edit : author && summary.status === 'draft' ? ['funding', 'terms'] : [],
    can: {
      sign: author && summary.status === 'approved',
      amend: author && summary.status === 'signed' && submission?.state === 'approved' && termsSigned,
      signAmendment: author && !!latest && latest.signedOn === null && submission?.state === 'approved',
      editSignatories: author && (summary.status === 'draft' || summary.status === 'approved'),
      close: author && summary.status === 'signed',
      cancel: author && ['draft', 'approved', 'signed'].includes(summary.status),
    },
  };
}

/** The convention when the user is its author level; 404 out of scope, 403 for a reader. */
async function asAuthor(tx: Tx, user: CurrentUser, id: string): Promise<Convention> {
  const convention = await getConvention(tx, user, id);
  const type = typeOfLevel(convention.ownerLevel);
  if (!entitledAt(type, convention.submission?.chain ?? chainOf(type), 0, user, scopeKeys(convention))) throw notEntitled();
  return convention;
}

async function editable(tx: Tx, user: CurrentUser, id: string, section: 'terms' | 'funding'): Promise<Convention> {
  const convention = await asAuthor(tx, user, id);
  if (!convention.editable.includes(section)) throw locked();
  if (!convention.submission) await openConventionSubmission(tx, convention);
  return convention;
}

/** Every institution belongs to the association (and is visible to the user). */
async function checkInstitutions(tx: Tx, associationId: string, ids: string[]): Promise<void> {
  const found = await tx.selectFrom('registry.institutions').select('id').where('id', 'in', ids).where('association_id', '=', associationId).execute();
  if (found.length !== ids.length) {
    const known = new Set(found.map((r) => r.id));
    const i = ids.findIndex((x) => !known.has(x));
    throw invalidFields({ path: `terms.institutionIds.${i}`, key: 'subsidies.fields.institution_not_of_association' });
  }
}

export async function createConvention(tx: Tx, user: CurrentUser, body: CreateConventionBody): Promise<Convention> {
  const regionId = user.scope.regionId;
  const delegationId = body.ownerLevel === 'delegation' ? user.scope.delegationId : null;
  const type = typeOfLevel(body.ownerLevel);
  const scope = { regionId, delegationId, associationId: body.associationId, institutionId: null };
  if (!regionId || (body.ownerLevel === 'delegation' && !delegationId) || !entitledAt(type, type.chain.map((l) => l.level), 0, user, scope)) throw notEntitled();
  let association = tx.selectFrom('registry.associations').select(['id', 'name_ar', 'name_fr']).where('id', '=', body.associationId).where('region_id', '=', regionId);
  if (delegationId) association = association.where('delegation_id', '=', delegationId);
  const found = await association.executeTakeFirst();
  if (!found) throw invalidFields({ path: 'associationId', key: 'subsidies.fields.association_out_of_scope' });
  await checkInstitutions(tx, found.id, body.terms.institutionIds);
  const t = body.terms;
  const created = await tx
    .insertInto('subsidies.conventions')
    .values({ owner_level: body.ownerLevel, association_id: found.id, object_ar: t.objectAr, object_fr: t.objectFr, starts_on: t.startsOn, ends_on: t.endsOn, total_mad: t.totalMad, created_by: user.id, region_id: regionId, delegation_id: delegationId })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
  await tx.insertInto('subsidies.convention_institutions').values(t.institutionIds.map((institution_id) => ({ convention_id: created.id, institution_id }))).execute();
  await openConventionSubmission(tx, { id: created.id, reference: created.reference, ownerLevel: body.ownerLevel, regionId, delegationId, associationId: found.id });
  return getConvention(tx, user, created.id);
}

export async function updateTerms(tx: Tx, user: CurrentUser, id: string, t: TermsBody): Promise<Convention> {
  const convention = await editable(tx, user, id, 'terms');
  await checkInstitutions(tx, convention.associationId, t.institutionIds);
  await tx.updateTable('subsidies.conventions').set({ object_ar: t.objectAr, object_fr: t.objectFr, starts_on: t.startsOn, ends_on: t.endsOn, total_mad: t.totalMad }).where('id', '=', id).execute();
  const current = new Set(convention.institutions.map((i) => i.id));
  const wanted = new Set(t.institutionIds);
  const removed = [...current].filter((x) => !wanted.has(x));
  const added = t.institutionIds.filter((x) => !current.has(x));
  if (removed.length) await tx.deleteFrom('subsidies.convention_institutions').where('convention_id', '=', id).where('institution_id', 'in', removed).execute();
  if (added.length) await tx.insertInto('subsidies.convention_institutions').values(added.map((institution_id) => ({ convention_id: id, institution_id }))).execute();
  return getConvention(tx, user, id);
}

/**
 * Replaces partners, yearly amounts and obligations. Refused (400, nothing written) when the
 * amounts do not add up to the convention's total or fall outside its years. Partners are kept
 * by (kind, French name) so that signatories naming them stay attached.
 */
export async function updateFunding(tx: Tx, user: CurrentUser, id: string, body: FundingBody): Promise<Convention> {
  const convention = await editable(tx, user, id, 'funding');
  const first = Number(convention.startsOn.slice(0, 4));
  const last = Number(convention.endsOn.slice(0, 4));
  body.partners.forEach((p, i) =>
    p.amounts.forEach((a, j) => {
      if (a.year < first || a.year > last) throw invalidFields({ path: `partners.${i}.amounts.${j}.year`, key: 'subsidies.fields.year_outside_period', params: { first, last } });
    }),
  );
  const sum = fundingTotal(body.partners);
  if (madToCentimes(sum) !== madToCentimes(convention.totalMad)) throw invalidFields({ path: 'partners', key: 'subsidies.fields.amounts_total', params: { sum, total: convention.totalMad } });

  const keyOf = (kind: string, nameFr: string) => `${kind}|${nameFr.trim().toLowerCase()}`;
  const existing = new Map(convention.partners.map((p) => [keyOf(p.kind, p.nameFr), p.id]));
  const kept = new Set<string>();
  await tx.deleteFrom('subsidies.convention_obligations').where('convention_id', '=', id).execute();
  await tx.deleteFrom('subsidies.convention_amounts').where('convention_id', '=', id).execute();
  const partnerIds: string[] = [];
  for (const p of body.partners) {
    const values = { name_ar: p.nameAr, name_fr: p.nameFr, sgg_declared_on: p.sggDeclaredOn ?? null, sgg_reference: p.sggReference ?? null };
    const known = existing.get(keyOf(p.kind, p.nameFr));
    if (known) {
      await tx.updateTable('subsidies.convention_partners').set(values).where('id', '=', known).execute();
      kept.add(known);
      partnerIds.push(known);
    } else {
      const row = await tx.insertInto('subsidies.convention_partners').values({ convention_id: id, kind: p.kind, ...values }).returning('id').executeTakeFirstOrThrow();
      partnerIds.push(row.id);
    }
  }
  const gone = convention.partners.map((p) => p.id).filter((x) => !kept.has(x));
  if (gone.length) await tx.deleteFrom('subsidies.convention_partners').where('id', 'in', gone).execute();
  const amounts = body.partners.flatMap((p, i) => p.amounts.map((a) => ({ convention_id: id, partner_id: partnerIds[i]!, year: a.year, amount_mad: a.amountMad })));
  if (amounts.length) await tx.insertInto('subsidies.convention_amounts').values(amounts).execute();
  if (body.obligations.length) {
    await tx
      .insertInto('subsidies.convention_obligations')
      .values(body.obligations.map((o, i) => ({ convention_id: id, party: o.party, partner_id: o.party === 'partner' ? partnerIds[o.partnerIndex!]! : null, position: i + 1, text_ar: o.textAr, text_fr: o.textFr })))
      .execute();
  }
  return getConvention(tx, user, id);
}

export async function replaceSignatories(tx: Tx, user: CurrentUser, id: string, body: SignatoriesBody): Promise<Convention> {
  const convention = await asAuthor(tx, user, id);
  if (!convention.can.editSignatories) throw conflict('signed_already');
  const partners = new Set(convention.partners.map((p) => p.id));
  body.items.forEach((s, i) => {
    const named = !!s.partnerId;
    if ((s.party === 'partner') !== named || (named && !partners.has(s.partnerId!))) throw invalidFields({ path: `items.${i}.partnerId`, key: 'subsidies.fields.partner_required' });
  });
  await tx.deleteFrom('subsidies.convention_signatories').where('convention_id', '=', id).execute();
  await tx
    .insertInto('subsidies.convention_signatories')
    .values(body.items.map((s) => ({ convention_id: id, party: s.party, partner_id: s.party === 'partner' ? s.partnerId! : null, full_name: s.fullName, title: s.title })))
    .execute();
  return getConvention(tx, user, id);
}

/** Signs an approved convention: every signatory's date, none in the future; the convention's date is the last one. */
export async function signConvention(tx: Tx, user: CurrentUser, id: string, body: SignBody): Promise<Convention> {
  const convention = await asAuthor(tx, user, id);
  if (convention.status !== 'approved') throw conflict('not_approved');
  const today = todayInMorocco();
  const given = new Map(body.signatures.map((s) => [s.signatoryId, s.signedOn]));
  if (convention.signatories.length === 0) throw invalidFields({ path: 'signatures', key: 'subsidies.fields.signatories_required' });
  convention.signatories.forEach((s, i) => {
    if (!given.has(s.id)) throw invalidFields({ path: `signatures.${i}.signedOn`, key: 'validation.required' });
  });
  body.signatures.forEach((s, i) => {
    if (!convention.signatories.some((x) => x.id === s.signatoryId)) throw invalidFields({ path: `signatures.${i}.signatoryId`, key: 'validation.invalid_value' });
    if (s.signedOn > today) throw invalidFields({ path: `signatures.${i}.signedOn`, key: 'subsidies.fields.future_date' });
  });
  for (const s of body.signatures) await tx.updateTable('subsidies.convention_signatories').set({ signed_on: s.signedOn }).where('id', '=', s.signatoryId).execute();
  const signedOn = body.signatures.map((s) => s.signedOn).sort().at(-1)!;
  await tx.updateTable('subsidies.conventions').set({ status: 'signed', signed_on: signedOn }).where('id', '=', id).execute();
  return getConvention(tx, user, id);
}

/** Opens an amendment (avenant): the current terms are kept as its previous terms; a new submission governs the changes. */
export async function openAmendment(tx: Tx, user: CurrentUser, id: string, body: AmendmentBody): Promise<Convention> {
  const convention = await asAuthor(tx, user, id);
  if (!convention.can.amend) throw conflict('amendment_not_allowed');
  const amendment = convention.amendment + 1;
  const previousTerms = {
    objectAr: convention.objectAr,
    objectFr: convention.objectFr,
    startsOn: convention.startsOn,
    endsOn: convention.endsOn,
    totalMad: convention.totalMad,
    institutions: convention.institutions,
    partners: convention.partners,
  };
  const { rows } = await sql<{ subject_id: string }>`INSERT INTO subsidies.convention_versions (convention_id, amendment, reason_ar, reason_fr, previous_terms, created_by)
    VALUES (${id}::uuid, ${amendment}, ${body.reasonAr}, ${body.reasonFr}, ${JSON.stringify(previousTerms)}::jsonb, ${user.id}::uuid) RETURNING subject_id`.execute(tx);
  await tx.updateTable('subsidies.conventions').set({ amendment }).where('id', '=', id).execute();
  const association = await tx.selectFrom('registry.associations').select(['name_ar', 'name_fr']).where('id', '=', convention.associationId).executeTakeFirstOrThrow();
  await openSubmission(tx, {
    type: typeOfLevel(convention.ownerLevel).key,
    subjectId: rows[0]!.subject_id,
    labelAr: `ملحق رقم ${amendment} للاتفاقية ${convention.reference} - ${association.name_ar}`,
    labelFr: `Avenant n° ${amendment} à la convention ${convention.reference} - ${association.name_fr}`,
    link: linkOf(id),
    scope: scopeKeys(convention),
  });
  return getConvention(tx, user, id);
}

export async function signAmendment(tx: Tx, user: CurrentUser, id: string, amendment: number, signedOn: string): Promise<Convention> {
  const convention = await asAuthor(tx, user, id);
  if (amendment !== convention.amendment || amendment === 0) throw notFound();
  if (!convention.can.signAmendment) throw conflict('not_approved');
  if (signedOn > todayInMorocco()) throw invalidFields({ path: 'signedOn', key: 'subsidies.fields.future_date' });
  await sql`UPDATE subsidies.convention_versions SET signed_on = ${signedOn}::date WHERE convention_id = ${id}::uuid AND amendment = ${amendment}`.execute(tx);
  return getConvention(tx, user, id);
}

/** Closes a signed convention whose tranches are all settled (the database refuses otherwise, 409). */
export async function closeConvention(tx: Tx, user: CurrentUser, id: string, body: CloseConventionBody): Promise<Convention> {
  const convention = await asAuthor(tx, user, id);
  if (!convention.can.close) throw conflict('status_order');
  await tx.updateTable('subsidies.conventions').set({ status: 'closed', end_reason: body.note ?? null }).where('id', '=', id).execute();
  return getConvention(tx, user, id);
}

/**
 * Cancels (terminates) a convention with its reason. Its tranches not yet paid at all are
 * cancelled with it; one paid in part cannot be, and the database then refuses the whole (409).
 */
export async function cancelConvention(tx: Tx, user: CurrentUser, id: string, body: CancelConventionBody): Promise<Convention> {
  const convention = await asAuthor(tx, user, id);
  if (!convention.can.cancel) throw conflict('status_order');
  await sql`UPDATE subsidies.tranches t SET status = 'cancelled' WHERE t.convention_id = ${id}::uuid AND t.status IN ('planned', 'released')
    AND NOT EXISTS (SELECT 1 FROM subsidies.disbursements d WHERE d.tranche_id = t.id)`.execute(tx);
  await tx.updateTable('subsidies.conventions').set({ status: 'cancelled', end_reason: body.reason }).where('id', '=', id).execute();
  return getConvention(tx, user, id);
}

export function parseConventionCursor(after: string | undefined): { startsOn: string; id: string } | undefined {
  if (!after) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})\|([0-9a-f-]{36})$/.exec(after);
  if (!match) throw invalidFields({ path: 'after', key: 'validation.invalid_value' });
  return { startsOn: match[1]!, id: match[2]! };
}
