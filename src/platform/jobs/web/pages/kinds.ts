/** The catalog key naming a kind of job. */
const known = ['import.validate', 'import.commit', 'report'] as const;
type Known = (typeof known)[number];

export const kindLabelKey = (kind: string): `kinds.${Known}` => `kinds.${(known as readonly string[]).includes(kind) ? (kind as Known) : 'report'}`;
