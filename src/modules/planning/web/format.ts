/** Decimal values as the server sends them (exact strings), through the platform's formatting. */
import { formatDecimal, formatMad } from '../../../platform/web/index.ts';

/** Dirhams, always with their two decimals. */
export const formatAmount = formatMad;
/** An indicator's baseline or target: decimals only when there are some. */
export const formatQuantity = (value: string, language: string): string => formatDecimal(value, language, 0);
