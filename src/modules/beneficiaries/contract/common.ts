/**
 * What every part of the beneficiaries API says about a person in lists and pickers: the names in
 * both scripts, sex, birth date, identifiers, and the holding delegation.
 */
import { z } from 'zod';
import { Uuid } from '../../../platform/contract/common.ts';
import { BirthDatePrecision, Sex } from './enums.ts';

export const PersonSummary = z.object({
  id: Uuid,
  firstNameAr: z.string().nullable(),
  lastNameAr: z.string().nullable(),
  firstNameLat: z.string().nullable(),
  lastNameLat: z.string().nullable(),
  sex: Sex,
  birthDate: z.iso.date().nullable(),
  birthDatePrecision: BirthDatePrecision,
  cnie: z.string().nullable(),
  delegationId: Uuid,
});
export type PersonSummary = z.infer<typeof PersonSummary>;
