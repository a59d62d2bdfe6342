import { describe, expect, it } from 'vitest';
import { assignEchoColours, ECHO_COLOURS } from '../../renderer/echoes/echoColours';
import { DARK_MAP_THEME, LIGHT_MAP_THEME } from '../../renderer/map/mapStyle';

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('the echo palette', () => {
  it('has at least eight distinct colours', () => {
    expect(ECHO_COLOURS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(ECHO_COLOURS).size).toBe(ECHO_COLOURS.length);
  });

  it('stands out at 3:1 or more against the light and the dark map and page backgrounds', () => {
    // The map backgrounds, and the light and dark page backgrounds of styles.css.
    const backgrounds = [LIGHT_MAP_THEME.background, DARK_MAP_THEME.background, '#f7f6f3', '#16191d'];
    for (const colour of ECHO_COLOURS) {
      for (const background of backgrounds) expect(contrast(colour, background), `${colour} on ${background}`).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('assignEchoColours', () => {
  it('colours echoes by their place in the list at first', () => {
    expect([...assignEchoColours(new Map(), ['a', 'b', 'c'])]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
  });

  it('keeps an echo its colour while it exists, and gives a new echo the first free colour', () => {
    const first = assignEchoColours(new Map(), ['a', 'b', 'c']);
    const afterEdit = assignEchoColours(first, ['new', 'c', 'a']);
    expect(afterEdit.get('a')).toBe(0);
    expect(afterEdit.get('c')).toBe(2);
    expect(afterEdit.get('new')).toBe(1);
  });

  it('repeats colours by position once the palette runs out', () => {
    const ids = Array.from({ length: 10 }, (_, index) => `e${index}`);
    const slots = assignEchoColours(new Map(), ids, 8);
    expect(slots.get('e7')).toBe(7);
    expect(slots.get('e8')).toBe(0);
    expect(slots.get('e9')).toBe(1);
  });
});
