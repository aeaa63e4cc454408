/**
 * An import target: what a module declares so that its records can be imported from a spreadsheet.
 * Cells are parsed by Zod schemas (messages by catalog key, in the user's language); the target
 * then checks the valid rows against the database, and commits them in the job's one transaction.
 */
import type { z } from 'zod';
import type { Permission } from '../../modules/access/permissions.ts';
import type { CurrentUser, Tx } from '../../server/context.ts';
import type { RowError } from '../jobs/server/kinds.ts';

export interface ImportFieldSpec {
  key: string;
  labelAr: string;
  labelFr: string;
  required: boolean;
  /** Parses the cell's text ('' when empty); its output goes into the row under `key`. */
  schema: z.ZodType;
  /** Header texts that suggest this field (compared without case, accents or spaces). */
  aliases: string[];
}

export interface ParsedRow {
  /** Row number in the file (the header row is 1). */
  row: number;
  values: Record<string, unknown>;
}

export interface ImportTarget {
  name: string;
  permission: Permission;
  fields: ImportFieldSpec[];
  /** The field whose value must be unique within the file (and which `check` tests against the database). */
  uniqueKey: string;
  /** Rules that need the database or the importer (existing records, grants, scope), for one batch of rows: errors per row. */
  check(tx: Tx, importer: CurrentUser, rows: ParsedRow[]): Promise<RowError[]>;
  /** Writes one batch of valid rows in the job's transaction (the job commits or rolls back them all). */
  insert(tx: Tx, importer: CurrentUser, rows: ParsedRow[]): Promise<void>;
}

const targets = new Map<string, ImportTarget>();

export function defineImportTarget(target: ImportTarget): void {
  targets.set(target.name, target);
}

export const importTarget = (name: string): ImportTarget | undefined => targets.get(name);
