import { describe, expect, it } from 'vitest';
import { Mad, PositiveMad, centimesToMad, madToCentimes } from './money.ts';

describe('money in dirhams', () => {
  it('reads and writes amounts exactly, in centimes', () => {
    expect(madToCentimes('0.10') + madToCentimes('0.20')).toBe(30n);
    expect(madToCentimes('1250.5')).toBe(125050n);
    expect(madToCentimes('-3')).toBe(-300n);
    expect(centimesToMad(125050n)).toBe('1250.50');
    expect(centimesToMad(-5n)).toBe('-0.05');
    expect(centimesToMad(madToCentimes('999999999999.99'))).toBe('999999999999.99');
  });

  it('accepts a user amount with at most two decimals and refuses the rest', () => {
    expect(Mad.safeParse(' 1250.50 ').data).toBe('1250.50');
    for (const bad of ['-1', '1,5', '1.555', 'abc', '', '1e3']) expect(Mad.safeParse(bad).success, bad).toBe(false);
    expect(PositiveMad.safeParse('0').success).toBe(false);
    expect(PositiveMad.safeParse('0.01').success).toBe(true);
    // A malformed amount is one clear error (the format), never an exception.
    const malformed = PositiveMad.safeParse('12.345');
    expect(malformed.success).toBe(false);
    expect(malformed.error?.issues.map((i) => i.message)).toEqual(['amount_format']);
  });
});
