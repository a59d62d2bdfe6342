import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCase } from '../../shared/analysis/index';
import { parseCaseFileText } from '../../shared/case/parse';
import { BUNDLED_PROMPTS } from '../../shared/presentation/bundledPrompts';
import { renderHandoutHtml } from '../../shared/presentation/handoutHtml';
import { loadReflectivePrompts } from '../../electron/presentation/loadPrompts';
import { handoutPreviewParts } from '../../renderer/presentation/handoutPreviewParts';
import { pngPixelSize } from '../../renderer/presentation/mapPicture';
import { presentationMove, presentationSteps, stepAfter, stepCounter } from '../../renderer/presentation/presentationSteps';

const EXAMPLE = resolve(import.meta.dirname, '../../resources/examples/01-pressure-to-get-it-right.json');
const NO_MODIFIERS = { shift: false, ctrl: false, alt: false, meta: false };

describe('presentation steps', () => {
  it('shows the three systems in order, then every echo of the case in the engine order', async () => {
    const kase = parseCaseFileText(await readFile(EXAMPLE, 'utf8'), 'example-01.json').case;
    const echoes = analyzeCase(kase).echoes;
    const steps = presentationSteps(echoes);
    expect(steps.slice(0, 3)).toEqual([
      { kind: 'system', system: 'client' },
      { kind: 'system', system: 'therapy' },
      { kind: 'system', system: 'supervision' },
    ]);
    expect(steps.slice(3)).toEqual(echoes.map((echo) => ({ kind: 'echo', echoId: echo.id })));
  });

  it('still has the three maps to show when nothing recurs yet', () => {
    expect(presentationSteps([])).toHaveLength(3);
  });

  it('moves on with the arrows, Space and Page Down, and back with Shift+Space, the back arrows and Page Up', () => {
    for (const key of ['ArrowRight', 'ArrowDown', ' ', 'PageDown']) expect(presentationMove(key, NO_MODIFIERS), key).toBe('next');
    for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp']) expect(presentationMove(key, NO_MODIFIERS), key).toBe('previous');
    expect(presentationMove(' ', { ...NO_MODIFIERS, shift: true })).toBe('previous');
    expect(presentationMove('Escape', NO_MODIFIERS)).toBe('leave');
    expect(presentationMove('p', NO_MODIFIERS)).toBe('toggle-pseudonyms');
    expect(presentationMove('P', { ...NO_MODIFIERS, shift: true })).toBe('toggle-pseudonyms');
    expect(presentationMove('Home', NO_MODIFIERS)).toBe('first');
    expect(presentationMove('End', NO_MODIFIERS)).toBe('last');
  });

  it("leaves keys held with Ctrl, Alt or Meta and other keys to the browser", () => {
    expect(presentationMove('ArrowRight', { ...NO_MODIFIERS, alt: true })).toBeNull();
    expect(presentationMove('p', { ...NO_MODIFIERS, ctrl: true })).toBeNull();
    expect(presentationMove('Tab', NO_MODIFIERS)).toBeNull();
    expect(presentationMove('z', NO_MODIFIERS)).toBeNull();
  });

  it('stops at the first and the last step instead of wrapping round', () => {
    expect(stepAfter(0, 'previous', 9)).toBe(0);
    expect(stepAfter(8, 'next', 9)).toBe(8);
    expect(stepAfter(3, 'next', 9)).toBe(4);
    expect(stepAfter(3, 'previous', 9)).toBe(2);
    expect(stepAfter(5, 'first', 9)).toBe(0);
    expect(stepAfter(1, 'last', 9)).toBe(8);
  });

  it('counts steps from one', () => {
    expect(stepCounter(2, 9)).toBe('3 of 9');
  });
});

describe('map pictures', () => {
  it('makes a PNG 2 or 3 times the SVG, rounded to whole pixels', () => {
    expect(pngPixelSize({ width: 1608, height: 484 }, 2)).toEqual({ width: 3216, height: 968 });
    expect(pngPixelSize({ width: 523.45, height: 300.5 }, 3)).toEqual({ width: 1570, height: 902 });
  });
});

describe('the handout preview', () => {
  it('takes out every inline style of the handout and keeps its CSS, aimed at the stand-in body', async () => {
    const kase = parseCaseFileText(await readFile(EXAMPLE, 'utf8'), 'example-01.json').case;
    const html = renderHandoutHtml({ kase, deidentify: true, paper: 'A4', pages: 2, date: '2026-11-17', prompts: BUNDLED_PROMPTS });
    const parts = handoutPreviewParts(html);
    expect(parts.markup).not.toMatch(/<style/i);
    expect(parts.markup).not.toMatch(/\sstyle="/);
    expect(parts.markup).toContain('data-preview-style="border-color:');
    expect(parts.css).toContain('.sheet {');
    expect(parts.css).toMatch(/(^|\n)\.handout-body \{ margin: 0;/);
    expect(parts.css).not.toMatch(/(^|\n)\s*body\s*\{/);
  });

  it('leaves text that merely looks like a style attribute alone, since the template escapes its quotes', () => {
    const html = '<!DOCTYPE html><html><head><style>p { color: red; }</style></head><body><p>a style=&quot;x&quot; &lt;style&gt;</p></body></html>';
    const parts = handoutPreviewParts(html);
    expect(parts.markup).toContain('<p>a style=&quot;x&quot; &lt;style&gt;</p>');
    expect(parts.css).toBe('p { color: red; }');
  });
});

describe('the prompts built into the renderer', () => {
  it('are the prompts file the handout printer reads', async () => {
    expect(BUNDLED_PROMPTS).toEqual(await loadReflectivePrompts());
  });
});
