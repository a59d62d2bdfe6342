import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passphraseStrength } from '../../shared/security/passphraseStrength';

describe('passphrase strength', () => {
  it('rates the passwords everyone tries as weakest, and says why', () => {
    for (const passphrase of ['password', 'Password1', 'P@ssw0rd2024', 'summer2024', 'therapy123', 'letmein!']) {
      const { score, hint } = passphraseStrength(passphrase);
      expect(score, passphrase).toBe(0);
      expect(hint).toMatch(/first anyone would try/);
    }
  });

  it('sees through repeats, keyboard runs and years', () => {
    for (const passphrase of ['aaaaaaaaaaaa', 'qazwsx123456', 'abcdefgh', '19841984']) {
      expect(passphraseStrength(passphrase).score, passphrase).toBeLessThanOrEqual(1);
    }
    expect(passphraseStrength('aaaaaaaaaaaa').hint).toMatch(/Repeated characters, keyboard runs and years/);
  });

  it('rates several unrelated words as strong, and more words as stronger', () => {
    const two = passphraseStrength('copper meadow');
    const four = passphraseStrength('copper meadow lantern fig');
    const six = passphraseStrength('copper meadow lantern fig orbit cellar');
    expect(two.score).toBeLessThanOrEqual(2);
    expect(two.hint).toMatch(/longer|another/);
    expect(four.score).toBeGreaterThanOrEqual(3);
    expect(six).toEqual({ score: 4, hint: 'Very strong.' });
  });

  it('asks for something when nothing is typed', () => {
    expect(passphraseStrength('   ')).toEqual({ score: 0, hint: expect.stringMatching(/^Type a passphrase/) });
  });

  it('always answers a score from 0 to 4 and a hint, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (passphrase) => {
        const { score, hint } = passphraseStrength(passphrase);
        expect([0, 1, 2, 3, 4]).toContain(score);
        expect(hint.length).toBeGreaterThan(0);
      }),
    );
  });
});
