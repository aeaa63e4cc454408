/** Dirhams as the server sends them (exact strings), in the user's language with Western digits. */
import { formatAmount } from '../../../planning/web/format.ts';

export const formatMad = (value: string, language: string): string => formatAmount(value, language);
