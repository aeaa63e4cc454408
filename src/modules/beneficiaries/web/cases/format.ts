/** How the pathway screens name a person: the names in the interface's script first, the other script when missing. */
import type { PersonSummary } from '../../contract/common.ts';

export function personName(p: Pick<PersonSummary, 'firstNameAr' | 'lastNameAr' | 'firstNameLat' | 'lastNameLat'>, language: string): string {
  const ar = [p.firstNameAr, p.lastNameAr].filter(Boolean).join(' ');
  const lat = [p.firstNameLat, p.lastNameLat].filter(Boolean).join(' ');
  return language === 'fr' ? lat || ar : ar || lat;
}

/** Badge colours of the stages along the pathway. */
export const stageColor: Record<string, string> = {
  reception: 'gray',
  diagnosis: 'blue',
  orientation: 'cyan',
  admitted: 'teal',
  accompaniment: 'green',
  exited: 'orange',
  post_exit: 'grape',
  closed: 'dark',
};

export const referralColor: Record<string, string> = { proposed: 'blue', accepted: 'teal', declined: 'red', completed: 'green', cancelled: 'gray' };
