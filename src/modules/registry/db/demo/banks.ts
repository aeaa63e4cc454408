/** Banks that hold the founders' accounts, and RIBs with a valid key (registry.rib_is_valid). */
import { ribKey } from '../../contract/values.ts';
import type { Random } from './random.ts';

export const banks: [code: string, name: string][] = [
  ['007', 'Attijariwafa bank'],
  ['011', 'Bank of Africa'],
  ['145', 'Banque Populaire'],
  ['230', 'CIH Bank'],
  ['225', 'Crédit Agricole du Maroc'],
  ['013', 'BMCI'],
  ['022', 'Société Générale Maroc'],
  ['350', 'Al Barid Bank'],
];

/** 24 digits: bank (3), city (3), account (16), key (2). */
export function ribFor(random: Random, bankCode: string): string {
  let account = '';
  for (let i = 0; i < 16; i++) account += String(random.int(0, 9));
  const first22 = `${bankCode}${String(random.int(100, 999))}${account}`;
  return first22 + ribKey(first22);
}
