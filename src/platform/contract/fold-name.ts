/**
 * The TypeScript twin of SQL `app.fold_name()` (migration 0045), for searches answered outside the
 * database (the public directory's in-memory copy). A test holds both to the same output.
 */
const FROM = Array.from('أإآٱةىàáâãäåçèéêëìíîïñòóôõöùúûüýÿœæÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸŒÆ');
const TO = Array.from('ااااهيaaaaaaceeeeiiiinooooouuuuyyoaaaaaaaceeeeiiiinooooouuuuyyoa');
const TRANSLATE = new Map(FROM.map((from, i) => [from, TO[i]!]));

/** Lower case (ASCII only, as PostgreSQL's lower() under the C locale), no diacritics, one spacing. */
export function foldName(value: string): string {
  const lowered = value.replace(/[A-Z]/g, (c) => c.toLowerCase()).replace(/[\u064B-\u065F\u0670\u0640]/g, '');
  let translated = '';
  for (const char of lowered) translated += TRANSLATE.get(char) ?? char;
  return translated.replace(/[^a-z0-9\u0621-\u064A\u0660-\u0669]+/g, ' ').trim();
}
