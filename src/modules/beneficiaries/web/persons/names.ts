/**
 * A person's name for display: in the interface's script when known, else the other script.
 * The caller wraps it in <bdi> (a Latin name inside Arabic text, and the reverse, stays isolated).
 */
export interface Named {
  firstNameAr: string | null;
  lastNameAr: string | null;
  firstNameLat: string | null;
  lastNameLat: string | null;
}

const join = (...parts: (string | null)[]) => parts.filter(Boolean).join(' ');

export function personName(p: Named, language: string): string {
  const ar = join(p.firstNameAr, p.lastNameAr);
  const lat = join(p.firstNameLat, p.lastNameLat);
  return language === 'fr' ? lat || ar : ar || lat;
}

/** The name in the other script, shown beside the main one when both are known. */
export function otherScriptName(p: Named, language: string): string {
  const ar = join(p.firstNameAr, p.lastNameAr);
  const lat = join(p.firstNameLat, p.lastNameLat);
  if (!ar || !lat) return '';
  return language === 'fr' ? ar : lat;
}
