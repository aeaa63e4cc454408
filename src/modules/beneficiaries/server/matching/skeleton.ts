/**
 * The cross-script phonetic skeleton of a name: an ASCII consonant key on which "محمد بن علي",
 * "Mohamed Benali" and "Mohammed Ben Ali" agree ("mhmd" + "bnl"). The embedded PostgreSQL runs in
 * the C locale, where pg_trgm makes no trigrams of Arabic letters, so the database indexes this
 * ASCII key instead. The SQL twin `beneficiaries.name_skeleton()` (0081) is the same algorithm,
 * step for step; a test runs both on the evaluation names and requires equal output.
 *
 * Steps: fold case, accents, Arabic diacritics and tatweel; split into words; drop a leading
 * article (Arabic ال, Latin "el"/"al" written apart) and an assimilated ال before a sun letter
 * inside the name ("عبد الرحيم" ~ "Abderrahim"); drop a word-final h, ه or ح; join the words (so "Ben Ali" = "Benali"); map Latin
 * digraphs and letters to consonant classes (ch/sh → c, kh → x, gh → g, dj → j, q/g/k/c → k,
 * c before e/i/y → s, p → b, v → f) and drop vowels, w and y; map Arabic letters to the same
 * classes (ش → c, خ → x, غ → g, ق/ك/گ → k, ط → t, ص → s, ض/ذ → d, ظ → z, ث → t) and drop
 * the long vowels, hamza forms, ʿayn and ta marbuta; collapse doubled letters.
 */

const ARABIC_DIACRITICS = /[\u064B-\u065F\u0670\u0640]/g;
const ACCENTED = 'àáâãäåçèéêëìíîïñòóôõöùúûüýÿ';
const PLAIN = 'aaaaaaceeeeiiiinooooouuuuyy';
const SUN_LETTERS = 'تثدذرزسشصضطظلن';
/** Arabic letter → consonant class ('' = dropped: long vowels, hamza forms, ʿayn, ta marbuta). */
const ARABIC_CLASS: Record<string, string> = {
  ب: 'b', ت: 't', ث: 't', ج: 'j', ح: 'h', خ: 'x', د: 'd', ذ: 'd', ر: 'r', ز: 'z', س: 's', ش: 'c', ص: 's', ض: 'd',
  ط: 't', ظ: 'z', غ: 'g', ف: 'f', ق: 'k', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', گ: 'k', ڭ: 'k', ک: 'k', ڤ: 'f', پ: 'b',
};

function fold(value: string): string {
  let out = value.toLowerCase().replace(ARABIC_DIACRITICS, '');
  out = [...out].map((ch) => {
    const i = ACCENTED.indexOf(ch);
    return i >= 0 ? PLAIN[i]! : ch;
  }).join('');
  return out.replace(/œ/g, 'oe').replace(/æ/g, 'ae');
}

/** Compound names written as one word are split where the article starts ("عبدالرحيم", "نورالدين"). */
const splitCompounds = (value: string) => value.replace(/عبدال/g, 'عبد ال').replace(/الدين/g, ' الدين');

/**
 * Drops articles (see above) and a word-final h, ه or ح: "Abdellah"/"عبد الله", "Hamzah"/"حمزه",
 * "Salah"/"صلاح" and "Fatma"/"فاطمه" (ه for ة) agree once the ambiguous final breath is gone.
 */
function normaliseWords(words: string[]): string[] {
  return words.flatMap((w, i) => {
    let word = w;
    if (i === 0 && words.length > 1 && (word === 'el' || word === 'al' || word === 'ال')) return [];
    if (word.length > 2 && (/[هح]$/.test(word) || /[^cskgdtp]h$/.test(word))) word = word.slice(0, -1);
    if (word.startsWith('ال') && word.length > 2 && (i === 0 || SUN_LETTERS.includes(word[2]!))) word = word.slice(2);
    return [word];
  });
}

function latinClasses(word: string): string {
  return word
    .replace(/x/g, 'ks')
    .replace(/kh/g, 'X').replace(/[cs]h/g, 'C').replace(/gh/g, 'G').replace(/dj/g, 'J')
    .replace(/th/g, 'T').replace(/dh/g, 'D').replace(/ph/g, 'F')
    .replace(/c(?=[eiy])/g, 's').replace(/[cqg]/g, 'k').replace(/p/g, 'b').replace(/v/g, 'f')
    .replace(/[aeiouyw]/g, '');
}

function arabicClasses(word: string): string {
  return [...word].map((ch) => (ch >= '\u0600' && ch <= '\u06FF' ? (ARABIC_CLASS[ch] ?? '') : ch)).join('');
}

/** The skeleton of one name part (a first name, a last name, a parent's full name, a place). */
export function nameSkeleton(value: string | null | undefined): string | null {
  if (value == null) return null;
  const words = splitCompounds(fold(value)).split(/[^a-z\u0621-\u06FF]+/).filter((w) => w.length > 0);
  const joined = normaliseWords(words).join('');
  const key = arabicClasses(latinClasses(joined)).toLowerCase().replace(/[^a-z]/g, '').replace(/(.)\1+/g, '$1');
  return key;
}

/** The person key "first last" (either part may be empty); null when the person has no name in this script. */
export function personKey(first: string | null | undefined, last: string | null | undefined): string | null {
  if (first == null && last == null) return null;
  return `${nameSkeleton(first) ?? ''} ${nameSkeleton(last) ?? ''}`;
}
