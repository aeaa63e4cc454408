/**
 * The request form's fields as posted (application/x-www-form-urlencoded), their schema and the
 * field errors it gives. Values travel as the strings typed, so a refused form comes back as it was.
 */
import { z } from 'zod';
import { Uuid } from '../../../../platform/contract/common.ts';
import { Phone, PublicRequesterRelation, requestServiceTypes, requestTargetGroups } from '../../../beneficiaries/index.ts';
import type { Snapshot } from '../snapshot.ts';

/** The fields of the request form, in the order they are shown. */
export const requestFields = ['relation', 'group', 'need', 'province', 'commune', 'description', 'name', 'phone', 'consent'] as const;
export type RequestField = (typeof requestFields)[number];
export type FormValues = Partial<Record<RequestField | 'token' | 'website' | 'number', string>>;
export type FieldErrors = Partial<Record<RequestField, string>>;

/** Longest accepted values (the form's maxlength too); the body limit follows from them. */
export const MAX_DESCRIPTION = 1000;
export const MAX_NAME = 160;
/**
 * 16 KB: the longest honest form is about 8 KB once encoded (1,160 Arabic letters are 2 bytes in
 * UTF-8 and 3 characters each when percent-encoded, so 6 characters a letter).
 */
export const BODY_LIMIT = 16 * 1024;
const MAX_OTHER = 200;

/** The posted body as strings only, the last value of a repeated name, nothing over its size. */
export function formValues(body: unknown): FormValues | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value !== 'string') return null;
    out[key] = value;
  }
  return out;
}

/** The consent box's value when ticked. */
export const CONSENT_GIVEN = 'yes';

export const RequestForm = z.object({
  relation: PublicRequesterRelation,
  group: z.enum(requestTargetGroups),
  need: z.union([z.literal(''), z.enum(requestServiceTypes)]).default(''),
  province: z.string().regex(/^[0-9]{2}\.[0-9]{3}$/),
  commune: Uuid,
  description: z.string().trim().min(1).max(MAX_DESCRIPTION),
  name: z.string().trim().min(1).max(MAX_NAME),
  phone: Phone.refine((x) => x !== null),
  consent: z.literal(CONSENT_GIVEN),
});
export type RequestForm = z.output<typeof RequestForm>;

/**
 * Checks the form against the schema and the directory's places (the commune must be one of the
 * province's). Each field in error gets its own message key: `request.errors.<field>`.
 */
export function checkRequestForm(values: FormValues, snapshot: Snapshot): { ok: true; form: RequestForm } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  for (const field of requestFields) {
    const limit = field === 'description' ? MAX_DESCRIPTION : field === 'name' ? MAX_NAME : MAX_OTHER;
    if ((values[field]?.length ?? 0) > limit * 2) errors[field] = `request.errors.${field}`;
  }
  const parsed = RequestForm.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as RequestField;
      if (requestFields.includes(field)) errors[field] = `request.errors.${field}`;
    }
  }
  const province = snapshot.provinces.find((p) => p.code === values.province);
  if (!province) errors.province = 'request.errors.province';
  else if (!errors.commune && !snapshot.communes.some((c) => c.id === values.commune && c.provinceId === province.id)) errors.commune = 'request.errors.commune';
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, form: parsed.data };
}

/** The status form: a request number as printed (R-09001-2026-00042) and the phone given with it. */
export const StatusForm = z.object({
  number: z.string().trim().toUpperCase().regex(/^R-[0-9]{5}-[0-9]{4}-[0-9]{5,7}$/),
  phone: Phone.refine((x) => x !== null),
});
export type StatusField = 'number' | 'phone';

export function checkStatusForm(values: FormValues & { number?: string }): { ok: true; number: string; phone: string } | { ok: false; errors: Partial<Record<StatusField, string>> } {
  const parsed = StatusForm.safeParse(values);
  if (parsed.success) return { ok: true, number: parsed.data.number, phone: parsed.data.phone! };
  const errors: Partial<Record<StatusField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as StatusField;
    if (field === 'number' || field === 'phone') errors[field] = `request.status.errors.${field}`;
  }
  return { ok: false, errors };
}
