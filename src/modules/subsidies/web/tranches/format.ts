/** The tranches' amounts, with the dirham sign, through the platform's exact formatting. */
import { formatDecimal } from '../../../../platform/web/index.ts';

/** Dirhams with their sign: the timeline and the payment statement show sums of money side by side. */
export const formatMad = (value: string, language: string): string => formatDecimal(value, language, 2, true);
