/**
 * Runs the labelled pairs (pairs.json) through the real matcher: every pair's first side is
 * stored as a person (with its father as a relative when known), then the second side is asked
 * for through `POST /api/persons/match` at the default threshold. A pair is predicted "same"
 * when the first side's record is among the candidates. Precision and recall follow.
 */
import type { TestServer, Session } from '../../../server/testing/harness.ts';
import pairsJson from './pairs.json' with { type: 'json' };

export interface Side {
  firstNameAr?: string; lastNameAr?: string; firstNameLat?: string; lastNameLat?: string;
  sex: 'male' | 'female'; birthDate?: string; birthYearOnly?: boolean; fatherName?: string; cnie?: string; phone?: string;
}
export interface Pair { id: string; same: boolean; kind: string; a: Side; b: Side }
export const pairs = pairsJson as Pair[];

export interface Evaluation {
  truePositives: number; falsePositives: number; falseNegatives: number; trueNegatives: number;
  precision: number; recall: number; errors: { id: string; kind: string; same: boolean; score: number | null }[];
}

const isArabic = (s: string | undefined) => s !== undefined && /[\u0600-\u06FF]/.test(s);

async function store(server: TestServer, side: Side, delegation: string): Promise<string> {
  const [row] = await server.owner<{ id: string }>(
    `INSERT INTO beneficiaries.persons (first_name_ar, last_name_ar, first_name_lat, last_name_lat, sex, birth_date, birth_date_precision, cnie, phone, delegation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, (SELECT id FROM organisation.delegations WHERE code = $10)) RETURNING id`,
    [side.firstNameAr ?? null, side.lastNameAr ?? null, side.firstNameLat ?? null, side.lastNameLat ?? null, side.sex,
      side.birthDate ?? null, side.birthYearOnly ? 'year' : 'exact', side.cnie ?? null, side.phone ?? null, delegation],
  );
  if (side.fatherName) {
    await server.owner(
      `INSERT INTO beneficiaries.relatives (person_id, relation, full_name_ar, full_name_lat) VALUES ($1, 'father', $2, $3)`,
      [row!.id, isArabic(side.fatherName) ? side.fatherName : null, isArabic(side.fatherName) ? null : side.fatherName],
    );
  }
  return row!.id;
}

/** Stores the first sides (alternately in Agadir and Inezgane) and asks for the second sides as `session`. */
export async function evaluate(server: TestServer, session: Session): Promise<Evaluation> {
  const stored = new Map<string, string>();
  for (const [i, pair] of pairs.entries()) stored.set(pair.id, await store(server, pair.a, i % 2 ? '09.273' : '09.001'));
  const result: Evaluation = { truePositives: 0, falsePositives: 0, falseNegatives: 0, trueNegatives: 0, precision: 0, recall: 0, errors: [] };
  for (const pair of pairs) {
    const { birthYearOnly: _year, ...input } = pair.b;
    const response = await session.post('/api/persons/match', input);
    if (response.statusCode !== 200) throw new Error(`pair ${pair.id}: ${response.statusCode} ${response.body}`);
    const { candidates } = response.json() as { candidates: { personId: string; score: number }[] };
    const hit = candidates.find((c) => c.personId === stored.get(pair.id));
    if (hit && pair.same) result.truePositives += 1;
    else if (hit) result.falsePositives += 1;
    else if (pair.same) result.falseNegatives += 1;
    else result.trueNegatives += 1;
    if (Boolean(hit) !== pair.same) result.errors.push({ id: pair.id, kind: pair.kind, same: pair.same, score: hit?.score ?? null });
  }
  result.precision = result.truePositives / Math.max(1, result.truePositives + result.falsePositives);
  result.recall = result.truePositives / Math.max(1, result.truePositives + result.falseNegatives);
  return result;
}
