/**
 * Health, disability and violence/court-order data (law 09-08 arts. 1, 21, 24). Two locks: the API
 * answers 403 to roles without 'beneficiaries.sensitive', and the tables' policies hide the rows
 * from every other role anyway (beneficiaries.may_read_sensitive()). Every read is logged as
 * 'sensitive' in the access log, in the same transaction.
 */
import type { Tx } from '../../../../server/context.ts';
import { notFound } from '../../../../server/errors.ts';
import { logAccess } from '../access-log.ts';
import type { Disability, HealthRecord, ProtectionRecord, SensitiveKind } from '../../contract/privacy.ts';
import { requireVisiblePerson } from './person.ts';

type Values = Record<string, unknown>;
type Item = HealthRecord | Disability | ProtectionRecord;

interface Kind {
  table: 'beneficiaries.health_records' | 'beneficiaries.disabilities' | 'beneficiaries.protection_records';
  /** API field → column. */
  fields: Record<string, string>;
  order: string;
  toItem(row: Values): Item;
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

export const kinds: Record<SensitiveKind, Kind> = {
  health: {
    table: 'beneficiaries.health_records',
    fields: { admissionId: 'admission_id', status: 'status', details: 'details', recordedOn: 'recorded_on' },
    order: 'recorded_on',
    toItem: (r) => ({
      id: String(r.id), personId: String(r.person_id), admissionId: str(r.admission_id), status: r.status as HealthRecord['status'],
      details: str(r.details), recordedOn: String(r.recorded_on), updatedAt: iso(r.updated_at),
    }),
  },
  disabilities: {
    table: 'beneficiaries.disabilities',
    fields: { kind: 'kind', degree: 'degree', cardNumber: 'card_number', since: 'since', details: 'details' },
    order: 'created_at',
    toItem: (r) => ({
      id: String(r.id), personId: String(r.person_id), kind: r.kind as Disability['kind'], degree: (r.degree ?? null) as Disability['degree'],
      cardNumber: str(r.card_number), since: str(r.since), details: str(r.details), updatedAt: iso(r.updated_at),
    }),
  },
  protection: {
    table: 'beneficiaries.protection_records',
    fields: {
      caseId: 'case_id', kind: 'kind', occurredOn: 'occurred_on', perpetratorRelation: 'perpetrator_relation',
      complaintFiled: 'complaint_filed', courtReference: 'court_reference', details: 'details',
    },
    order: 'created_at',
    toItem: (r) => ({
      id: String(r.id), personId: String(r.person_id), caseId: str(r.case_id), kind: r.kind as ProtectionRecord['kind'],
      occurredOn: str(r.occurred_on), perpetratorRelation: (r.perpetrator_relation ?? null) as ProtectionRecord['perpetratorRelation'],
      complaintFiled: (r.complaint_filed ?? null) as boolean | null, courtReference: str(r.court_reference), details: str(r.details),
      updatedAt: iso(r.updated_at),
    }),
  },
};

function columns(kind: Kind, body: Values): Values {
  const values: Values = {};
  for (const [field, column] of Object.entries(kind.fields)) if (body[field] !== undefined) values[column] = body[field];
  return values;
}

// The table is chosen from a closed list; Kysely's typing cannot follow a union of tables.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const loose = (tx: Tx) => tx as unknown as import('kysely').Kysely<any>;

export async function listSensitive(tx: Tx, kindName: SensitiveKind, personId: string): Promise<Item[]> {
  const kind = kinds[kindName];
  await requireVisiblePerson(tx, personId);
  const rows = (await loose(tx).selectFrom(kind.table).selectAll().where('person_id', '=', personId).orderBy(kind.order, 'desc').orderBy('id').execute()) as Values[];
  await logAccess(tx, [personId], 'sensitive');
  return rows.map(kind.toItem);
}

export async function addSensitive(tx: Tx, userId: string, kindName: SensitiveKind, personId: string, body: Values): Promise<Item> {
  const kind = kinds[kindName];
  await requireVisiblePerson(tx, personId);
  const row = (await loose(tx)
    .insertInto(kind.table)
    .values({ ...columns(kind, body), person_id: personId, recorded_by: userId })
    .returningAll()
    .executeTakeFirstOrThrow()) as Values;
  return kind.toItem(row);
}

export async function updateSensitive(tx: Tx, kindName: SensitiveKind, personId: string, id: string, body: Values): Promise<Item> {
  const kind = kinds[kindName];
  await requireVisiblePerson(tx, personId);
  const values = columns(kind, body);
  const query = loose(tx).updateTable(kind.table).where('id', '=', id).where('person_id', '=', personId).returningAll();
  // An empty change still answers the record (or 404), so read it when there is nothing to set.
  const row = (Object.keys(values).length
    ? await query.set(values).executeTakeFirst()
    : await loose(tx).selectFrom(kind.table).selectAll().where('id', '=', id).where('person_id', '=', personId).executeTakeFirst()) as Values | undefined;
  if (!row) throw notFound();
  return kind.toItem(row);
}

export async function deleteSensitive(tx: Tx, kindName: SensitiveKind, personId: string, id: string): Promise<void> {
  const kind = kinds[kindName];
  await requireVisiblePerson(tx, personId);
  const row = await loose(tx).deleteFrom(kind.table).where('id', '=', id).where('person_id', '=', personId).returning('id').executeTakeFirst();
  if (!row) throw notFound();
}
