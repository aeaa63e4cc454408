/** Value checks shared by the API schemas and the web forms (the database checks the same rules). */
import { z } from 'zod';

/**
 * A Moroccan RIB: 24 digits (bank 3, city 3, account 16, key 2). The key makes the whole number
 * divisible by 97 (registry.rib_is_valid() in 0051 checks the same). Spaces are tolerated.
 */
export function ribIsValid(rib: string): boolean {
  return /^[0-9]{24}$/.test(rib) && BigInt(rib) % 97n === 0n;
}

/** The key (2 digits) that completes the first 22 digits of a RIB. */
export function ribKey(first22: string): string {
  const key = 97n - ((BigInt(first22) * 100n) % 97n);
  return key.toString().padStart(2, '0');
}

export const Rib = z
  .string()
  .transform((v) => v.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[0-9]{24}$/, 'registry.validation.rib_format').refine(ribIsValid, 'registry.validation.rib_key'));

/** Within Morocco's bounding box, southern provinces included (registry.position_in_morocco()). */
export const moroccoBounds = { minLatitude: 20.7, maxLatitude: 35.95, minLongitude: -17.2, maxLongitude: -0.95 } as const;
export const Latitude = z.coerce.number().min(moroccoBounds.minLatitude).max(moroccoBounds.maxLatitude);
export const Longitude = z.coerce.number().min(moroccoBounds.minLongitude).max(moroccoBounds.maxLongitude);
