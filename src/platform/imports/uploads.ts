/**
 * Uploaded import files: stored under RAAYA_DATA_DIR/imports with a name of our own (never the
 * user's), scanned for their header row and row count, and the column mapping suggested: the
 * user's last mapping for the target where its headers are in this file, else by header name.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../server/context.ts';
import { AppError, forbidden, invalidFields, notFound } from '../../server/errors.ts';
import { hasPermission } from '../../modules/access/permissions.ts';
import type { Language } from '../contract/common.ts';
import type { Mapping, Upload } from '../jobs/contract.ts';
import { scanTable, type FileType } from './read-table.ts';
import { importTarget, type ImportTarget } from './target.ts';

export const MAX_IMPORT_ROWS = 200_000;

export function targetFor(user: CurrentUser, name: string): ImportTarget {
  const target = importTarget(name);
  if (!target) throw notFound();
  if (!hasPermission(user.role, target.permission)) throw forbidden();
  return target;
}

export function fileTypeOf(fileName: string): FileType | undefined {
  const ext = path.extname(fileName).toLowerCase();
  return ext === '.xlsx' ? 'xlsx' : ext === '.csv' ? 'csv' : undefined;
}

/** Writes the upload to disk; the caller records it once the scan succeeded. */
export async function storeUpload(dataDir: string, stream: Readable, type: FileType): Promise<{ relative: string; absolute: string }> {
  const relative = path.join('imports', `${randomUUID()}.${type}`);
  const absolute = path.join(dataDir, relative);
  await mkdir(path.dirname(absolute), { recursive: true });
  await pipeline(stream, createWriteStream(absolute, { mode: 0o600 }));
  return { relative, absolute };
}

export async function scanUpload(absolute: string, type: FileType): Promise<{ headers: string[]; rowCount: number }> {
  try {
    const scanned = await scanTable(absolute, type);
    if (scanned.headers.every((h) => h === '')) throw invalidFields({ path: 'file', key: 'imports.errors.no_headers' });
    if (scanned.rowCount === 0) throw invalidFields({ path: 'file', key: 'imports.errors.no_rows' });
    if (scanned.rowCount > MAX_IMPORT_ROWS) throw invalidFields({ path: 'file', key: 'imports.errors.too_many_rows', params: { maximum: MAX_IMPORT_ROWS } });
    return scanned;
  } catch (error) {
    await rm(absolute, { force: true });
    if (error instanceof AppError) throw error;
    // Not a readable spreadsheet (a renamed file, a damaged archive).
    throw invalidFields({ path: 'file', key: 'imports.errors.unreadable' });
  }
}

const normalise = (s: string) =>
  s.normalize('NFKD').replace(/[\u0300-\u036f\u064b-\u065f]/g, '').toLowerCase().replace(/[\s_\-.'’]/g, '');

export function suggestMapping(target: ImportTarget, headers: string[]): Mapping {
  const byName = new Map(headers.filter(Boolean).map((h) => [normalise(h), h]));
  const mapping: Mapping = {};
  for (const field of target.fields) {
    for (const name of [field.key, field.labelAr, field.labelFr, ...field.aliases]) {
      const header = byName.get(normalise(name));
      if (header) {
        mapping[field.key] = header;
        break;
      }
    }
  }
  return mapping;
}

export async function rememberedMapping(tx: Tx, target: string): Promise<Mapping | undefined> {
  const row = await tx.selectFrom('jobs.import_mappings').select('mapping').where('target', '=', target).executeTakeFirst();
  return (row?.mapping as Mapping | undefined) ?? undefined;
}

export async function rememberMapping(tx: Tx, target: string, mapping: Mapping): Promise<void> {
  await sql`INSERT INTO jobs.import_mappings (target, mapping) VALUES (${target}, ${JSON.stringify(mapping)}::jsonb)
    ON CONFLICT (user_id, target) DO UPDATE SET mapping = excluded.mapping, updated_at = now()`.execute(tx);
}

export function uploadView(target: ImportTarget, lang: Language, row: { id: string; file_name: string; headers: string[]; row_count: number }, mapping: Mapping, remembered: boolean): Upload {
  return {
    id: row.id,
    target: target.name,
    fileName: row.file_name,
    headers: row.headers,
    rowCount: row.row_count,
    fields: target.fields.map((f) => ({ key: f.key, label: lang === 'ar' ? f.labelAr : f.labelFr, required: f.required })),
    mapping,
    remembered,
  };
}

/** The mapping the user chose, checked against the file and the target: 400 with field errors otherwise. */
export function checkMapping(target: ImportTarget, headers: string[], mapping: Mapping): void {
  const errors = [];
  for (const [key, header] of Object.entries(mapping)) {
    if (!target.fields.some((f) => f.key === key)) errors.push({ path: `mapping.${key}`, key: 'validation.unrecognized_keys' });
    else if (!headers.includes(header)) errors.push({ path: `mapping.${key}`, key: 'imports.errors.header_missing' });
  }
  for (const field of target.fields) {
    if (field.required && !mapping[field.key]) errors.push({ path: `mapping.${field.key}`, key: 'imports.errors.field_unmapped' });
  }
  const used = Object.values(mapping);
  if (new Set(used).size !== used.length) errors.push({ path: 'mapping', key: 'imports.errors.header_twice' });
  if (errors.length) throw invalidFields(...errors);
}
