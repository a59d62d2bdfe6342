import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCase } from '../../shared/analysis/index';
import { parseCaseFileText } from '../../shared/case/parse';
import { echoToOpenOn, rememberEchoOf } from '../../renderer/echoes/echoOnOpen';
import { forgetCaseData } from '../../renderer/vault/forgetOnLock';

const EXAMPLE = resolve(import.meta.dirname, '../../resources/examples/01-pressure-to-get-it-right.json');
const kase = parseCaseFileText(readFileSync(EXAMPLE, 'utf8'), 'example-01.json').case;
const analysis = analyzeCase(kase);
const [strongest, second] = analysis.echoes.map((echo) => echo.id);

describe('the echo a case opens on', () => {
  it('is the strongest echo the first time, the chosen one after a choice, none after a clear, and the strongest again after a lock', () => {
    expect(strongest).toBeDefined();
    expect(echoToOpenOn(kase.id, analysis)).toBe(strongest);
    rememberEchoOf(kase.id, second ?? null);
    expect(echoToOpenOn(kase.id, analysis)).toBe(second);
    rememberEchoOf(kase.id, null);
    expect(echoToOpenOn(kase.id, analysis)).toBeNull();
    forgetCaseData();
    expect(echoToOpenOn(kase.id, analysis)).toBe(strongest);
  });

  it('falls back to the strongest echo when the remembered one no longer exists, and to none when the case has no echo', () => {
    rememberEchoOf(kase.id, 'role:exact:no-such-role');
    expect(echoToOpenOn(kase.id, analysis)).toBe(strongest);
    expect(echoToOpenOn('another-case', { ...analysis, echoes: [] })).toBeNull();
    forgetCaseData();
  });
});
