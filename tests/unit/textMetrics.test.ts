import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAP_FONT_NAME } from '../../shared/scene/fontFace';
import { ADVANCES, DEFAULT_ADVANCE, FIRST_CODE_POINT, REFERENCE_WIDTHS } from '../../shared/scene/fontMetrics';
import { FONT_FAMILY, textWidth, wrapText } from '../../shared/scene/textMetrics';

describe('the font metrics table', () => {
  it('has an advance for every printable character of ASCII, Latin-1 and Latin Extended-A, at both weights', () => {
    for (const weight of [400, 600] as const) {
      expect(ADVANCES[weight]).toHaveLength(0x17f - FIRST_CODE_POINT + 1);
      for (let codePoint = 0x20; codePoint <= 0x17f; codePoint++) {
        const value = ADVANCES[weight][codePoint - FIRST_CODE_POINT];
        if (codePoint >= 0x7f && codePoint <= 0x9f) expect(value, codePoint.toString(16)).toBeNull();
        else if (codePoint === 0xad) expect(value).toBe(0); // soft hyphen
        else expect(value, codePoint.toString(16)).toBeGreaterThan(100);
      }
    }
  });

  it('makes names wider at 600 than at 400', () => {
    expect(textWidth('Anxious performer', 15, 600)).toBeGreaterThan(textWidth('Anxious performer', 15, 400));
    expect(DEFAULT_ADVANCE[600]).toBeGreaterThanOrEqual(DEFAULT_ADVANCE[400]);
  });
});

describe('textWidth', () => {
  it('is the font family the maps draw with', () => {
    expect(FONT_FAMILY).toBe('"Triptych Sans", "DejaVu Sans", sans-serif');
    expect(FONT_FAMILY).toContain(`"${MAP_FONT_NAME}"`);
  });

  it('is zero for no text and scales with the font size', () => {
    expect(textWidth('', 15, 600)).toBe(0);
    expect(textWidth('Łukasz', 30, 600)).toBeCloseTo(2 * textWidth('Łukasz', 15, 600), 9);
  });

  it('grows with every character added (monotonic)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ minLength: 1, maxLength: 5 }), fc.constantFrom(400 as const, 600 as const), (text, more, weight) => {
        expect(textWidth(text + more, 14, weight)).toBeGreaterThanOrEqual(textWidth(text, 14, weight));
        if (!more.includes('\u00ad')) expect(textWidth(text + more, 14, weight)).toBeGreaterThan(textWidth(text, 14, weight));
      }),
    );
  });

  it('counts a character outside the table as an average letter', () => {
    expect(textWidth('中', 10, 400)).toBeCloseTo(DEFAULT_ADVANCE[400] / 100, 9);
    expect(textWidth('😀', 10, 600)).toBeCloseTo(DEFAULT_ADVANCE[600] / 100, 9); // one code point, two UTF-16 units
  });

  it.each(REFERENCE_WIDTHS)('comes within 2% of Chromium for "$text" ($weight, $fontSize px)', ({ text, fontSize, weight, width }) => {
    const error = Math.abs(textWidth(text, fontSize, weight) - width) / width;
    expect(error).toBeLessThan(0.02);
  });
});

describe('wrapText', () => {
  const NAME = [15, 600] as const;

  it('gives one empty line for empty text', () => {
    expect(wrapText('', 150, ...NAME)).toEqual(['']);
  });

  it('keeps text that fits on one line', () => {
    expect(wrapText('Zoë', 150, ...NAME)).toEqual(['Zoë']);
    const text = 'Anna Bell';
    expect(wrapText(text, Math.ceil(textWidth(text, ...NAME)), ...NAME)).toEqual([text]);
  });

  it('breaks at spaces, greedily', () => {
    // "Evaluator → " fits in 100 px at 14 px 400, "Evaluator → Anxious" does not.
    expect(wrapText('Evaluator → Anxious performer', 100, 14, 400)).toEqual(['Evaluator →', 'Anxious', 'performer']);
    expect(wrapText('Evaluator → Anxious performer', 150, 14, 400)).toEqual(['Evaluator → Anxious', 'performer']);
    expect(wrapText('a b c d e f', textWidth('a b c ', ...NAME) + 1, ...NAME)).toEqual(['a b c', 'd e f']);
  });

  it('gives a word wider than the line a line of its own, unbroken', () => {
    expect(wrapText('Wolfeschlegelsteinhausenbergerdorff', 50, ...NAME)).toEqual(['Wolfeschlegelsteinhausenbergerdorff']);
    expect(wrapText('Dr Wolfeschlegelsteinhausenbergerdorff Jr', 60, ...NAME)).toEqual(['Dr', 'Wolfeschlegelsteinhausenbergerdorff', 'Jr']);
  });

  it('breaks at newlines first', () => {
    expect(wrapText('Mother\n(deceased)', 150, ...NAME)).toEqual(['Mother', '(deceased)']);
  });

  it('makes lines no wider than maxWidth unless a word alone is, and keeps every word in order', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿĀ-ſ'→-]{1,14}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.integer({ min: 20, max: 300 }), fc.constantFrom(400 as const, 600 as const), (words, maxWidth, weight) => {
        const lines = wrapText(words.join(' '), maxWidth, 14, weight);
        expect(lines.join(' ').split(' ')).toEqual(words);
        for (const line of lines) {
          if (line.includes(' ')) expect(textWidth(line, 14, weight)).toBeLessThanOrEqual(maxWidth);
        }
        // Greedy: the first word of each next line would not have fitted on the line before.
        for (let index = 1; index < lines.length; index++) {
          const next = lines[index]?.split(' ')[0] ?? '';
          expect(Math.ceil(textWidth(`${lines[index - 1]} ${next} `, 14, weight) - 1e-9)).toBeGreaterThan(maxWidth);
        }
      }),
    );
  });
});
