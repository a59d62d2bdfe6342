/**
 * Compares two strings by Unicode code point, the order analysis.md fixes for
 * keys and ids. `localeCompare` depends on the machine's locale and `<`
 * compares UTF-16 code units, which puts astral characters before U+E000–U+FFFF;
 * shifting the code units of the first difference restores code-point order.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const unitA = a.charCodeAt(index);
    const unitB = b.charCodeAt(index);
    if (unitA !== unitB) return codePointRank(unitA) - codePointRank(unitB);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}
