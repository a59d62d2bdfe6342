import { afterEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for document.fonts whose load() answers as `load` says, recording what was asked. */
function stubFonts(load: (font: string, text?: string) => Promise<unknown>): string[] {
  const asked: string[] = [];
  vi.stubGlobal('document', {
    fonts: {
      load: (font: string, text?: string) => {
        asked.push(`${font} | ${text ?? ''}`);
        return load(font, text);
      },
    },
  });
  return asked;
}

async function freshMapFontsReady() {
  vi.resetModules();
  return (await import('../../renderer/fontsReady')).mapFontsReady;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('mapFontsReady', () => {
  it('loads both map fonts, every file of them, and resolves when they are loaded', async () => {
    const asked = stubFonts(() => Promise.resolve([]));
    const mapFontsReady = await freshMapFontsReady();
    await expect(mapFontsReady()).resolves.toBeUndefined();
    expect(asked).toEqual(['600 15px "Triptych Sans" | Aa Łł →', '400 14px "Triptych Sans" | Aa Łł →']);
  });

  it('resolves after 1.5 s when the font never loads, and when loading fails', async () => {
    vi.useFakeTimers();
    stubFonts(() => new Promise(() => undefined));
    let done = false;
    void (await freshMapFontsReady())().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(1400);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(done).toBe(true);

    vi.useRealTimers();
    stubFonts(() => Promise.reject(new Error('no font')));
    await expect((await freshMapFontsReady())()).resolves.toBeUndefined();
  });

  it('resolves at once where there is no document.fonts', async () => {
    vi.stubGlobal('document', {});
    await expect((await freshMapFontsReady())()).resolves.toBeUndefined();
  });
});
