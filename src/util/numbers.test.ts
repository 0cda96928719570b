import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withThousands } from './numbers.js';

describe('withThousands', () => {
  it('writes integers exactly as toLocaleString("en-US") does', () => {
    expect(withThousands(0)).toBe('0');
    expect(withThousands(999)).toBe('999');
    expect(withThousands(1000)).toBe('1,000');
    expect(withThousands(1234567)).toBe('1,234,567');
    expect(withThousands(-12345)).toBe('-12,345');
    fc.assert(fc.property(fc.integer(), (n) => withThousands(n) === n.toLocaleString('en-US')));
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => withThousands(n) === n.toLocaleString('en-US')));
  });
});
