/**
 * Candidates for "the same person" across the whole country (issue 6 item 3; decision 0017).
 * A national look-up cannot run under the caller's row-level security (it must see every
 * delegation), so it runs in a narrow SECURITY DEFINER function (beneficiaries.match_candidates,
 * 0081) that answers ids, scores, reasons and holders only; the caller then reads, under its own
 * RLS, the persons it may see, and the others stay "held by delegation X" without personal data.
 *
 * The input's names become cross-script skeletons here (skeleton.ts, the twin of the SQL function
 * the stored keys come from), read both ways round (first/last swapped is a common desk error).
 */
import { sql } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import type { MatchCandidate, MatchInput, MatchResult } from '../../contract/matching.ts';
import { nameSkeleton } from './skeleton.ts';
import { visibleSummaries } from '../person-summary.ts';

/** Scores at or above this are shown as likely duplicates (chosen on eval/pairs.json; decision 0017). */
export const DEFAULT_THRESHOLD = 0.75;
const MAX_CANDIDATES = 20;

interface Row {
  person_id: string;
  score: string;
  reasons: string[];
  delegation_id: string;
  delegation_name_ar: string;
  delegation_name_fr: string;
}

interface Reading {
  first: string;
  last: string;
  script: 'ar' | 'lat';
}

/** The input's name readings: per script, as given and swapped. */
export function readings(input: MatchInput): Reading[] {
  const out: Reading[] = [];
  const add = (first: string | null | undefined, last: string | null | undefined, script: 'ar' | 'lat') => {
    if (!first && !last) return;
    const f = nameSkeleton(first) ?? '';
    const l = nameSkeleton(last) ?? '';
    if (!f && !l) return;
    out.push({ first: f, last: l, script });
    if (f && l && f !== l) out.push({ first: l, last: f, script });
  };
  add(input.firstNameAr, input.lastNameAr, 'ar');
  add(input.firstNameLat, input.lastNameLat, 'lat');
  return out;
}

const distinct = (values: string[]) => [...new Set(values.filter((v) => v.length > 0))];
const normalisedCnie = (cnie: string | null | undefined) => (cnie ? cnie.replace(/\s/g, '').toUpperCase() : null);
/** Phones are stored in E.164; a desk types the national form ("0661 22 33 44" → "+212661223344"). */
export function normalisedPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const compact = phone.replace(/[\s.()-]/g, '');
  if (/^0[5-7][0-9]{8}$/.test(compact)) return `+212${compact.slice(1)}`;
  if (compact.startsWith('00')) return `+${compact.slice(2)}`;
  return compact || null;
}

export interface FindOptions {
  threshold?: number;
  limit?: number;
}

/** The national candidate ids with scores (no personal data): what the definer function answers. */
export async function scoreCandidates(trx: Tx, input: MatchInput, options: FindOptions = {}): Promise<Row[]> {
  const rs = readings(input);
  const skeletonOrNull = (v: string | null | undefined) => (v ? nameSkeleton(v) || null : null);
  const { rows } = await sql<Row>`
    SELECT * FROM beneficiaries.match_candidates(
      ${sql.val(rs.map((r) => r.first))}::text[], ${sql.val(rs.map((r) => r.last))}::text[], ${sql.val(rs.map((r) => r.script))}::text[],
      ${sql.val(distinct(rs.filter((r) => r.first && r.last).map((r) => `${r.first} ${r.last}`)))}::text[],
      ${sql.val(distinct(rs.map((r) => r.first)))}::text[], ${sql.val(distinct(rs.map((r) => r.last)))}::text[],
      ${input.sex ?? null}::text, ${input.birthDate ?? null}::date, ${input.birthDate ? !input.birthDate.endsWith('-01-01') : false}::boolean,
      ${skeletonOrNull(input.birthPlace)}::text, ${skeletonOrNull(input.fatherName)}::text, ${skeletonOrNull(input.motherName)}::text,
      ${normalisedCnie(input.cnie)}::text, ${input.idcs?.trim() || null}::text, ${normalisedPhone(input.phone)}::text,
      ${input.excludePersonId ?? null}::uuid, ${options.threshold ?? DEFAULT_THRESHOLD}::numeric, ${options.limit ?? MAX_CANDIDATES}::int)`.execute(trx);
  return rows;
}

export async function findCandidates(trx: Tx, input: MatchInput, options: FindOptions = {}): Promise<MatchResult> {
  const rows = await scoreCandidates(trx, input, options);
  const ids = rows.map((r) => r.person_id);
  // What the caller may see, read under its own RLS.
  const byId = await visibleSummaries(trx, ids);
  const candidates: MatchCandidate[] = rows.map((r) => {
    const p = byId.get(r.person_id);
    return {
      personId: r.person_id,
      score: Number(r.score),
      reasons: r.reasons as MatchCandidate['reasons'],
      inScope: p !== undefined,
      person: p ?? null,
      holder: { delegationId: r.delegation_id, nameAr: r.delegation_name_ar, nameFr: r.delegation_name_fr },
    };
  });
  return { threshold: options.threshold ?? DEFAULT_THRESHOLD, candidates };
}

