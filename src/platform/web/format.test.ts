/** Amounts for display: exact decimal strings, Western digits in Arabic, two decimals for dirhams. */
import { describe, expect, it } from 'vitest';
import { formatDecimal, formatMad } from './format.ts';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMad', () => {
  it('keeps every centime of a large amount (no binary float) and writes Western digits in Arabic', () => {
    expect(formatMad('12345678901.99', 'fr')).toBe('12.345.678.901,99'); // fr-MA groups with dots
    expect(formatMad('1250.5', 'ar')).toMatch(/^1[.,\u066c]?250[.,\u066b]50$/);
    expect(formatMad('1250.5', 'ar')).not.toMatch(/[\u0660-\u0669]/);
  });

  it('shows decimals only when asked, and the dirham sign on request', () => {
    expect(formatDecimal('12', 'fr', 0)).toBe('12');
    expect(plain(formatDecimal('12', 'fr', 2, true))).toContain('MAD');
  });
});
