import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCase } from '../../shared/analysis/index';
import type { Echo } from '../../shared/analysis/types';
import { parseCaseFileText } from '../../shared/case/parse';
import {
  parseReflectivePrompts,
  PROMPT_KINDS,
  promptKindsFor,
  promptsForEcho,
  ReflectivePromptsError,
  type ReflectivePrompts,
} from '../../shared/presentation/prompts';

const repo = resolve(import.meta.dirname, '../..');
const promptsFile = resolve(repo, 'resources/prompts/reflective-prompts.json');
const rawPrompts: unknown = JSON.parse(readFileSync(promptsFile, 'utf8'));
const examples = ['01-pressure-to-get-it-right.json', '02-working-harder.json', '03-both-waiting.json'].map(
  (name) => parseCaseFileText(readFileSync(resolve(repo, 'resources/examples', name), 'utf8'), name).case,
);
const allEchoes: Echo[] = examples.flatMap((kase) => analyzeCase(kase).echoes);

describe('the reflective prompts file', () => {
  it('follows the schema, with 2–4 questions for every kind of echo and identification', () => {
    const prompts = parseReflectivePrompts(rawPrompts, promptsFile);
    for (const kind of PROMPT_KINDS) {
      expect(prompts.prompts[kind].length, kind).toBeGreaterThanOrEqual(2);
      expect(prompts.prompts[kind].length, kind).toBeLessThanOrEqual(4);
    }
  });

  it('refuses a missing kind, a short list and an unknown placeholder, naming where', () => {
    const broken = structuredClone(rawPrompts) as { prompts: Record<string, string[]> };
    delete broken.prompts.parallel;
    broken.prompts.role = ['Only one question here?'];
    (broken.prompts.feeling as string[])[0] = 'When does {feeling} show up in the room?';
    let error: unknown;
    try {
      parseReflectivePrompts(broken, 'prompts.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ReflectivePromptsError);
    const message = (error as Error).message;
    expect(message).toContain('prompts.json: not a valid reflective prompts file');
    expect(message).toContain('at prompts.role: needs at least 2 questions');
    expect(message).toContain('at prompts.feeling[0]: the only placeholder a question may use is {label}');
    expect(message).toContain('at prompts.parallel');
  });
});

describe('promptsForEcho', () => {
  const prompts: ReflectivePrompts = parseReflectivePrompts(rawPrompts, promptsFile);

  it('gives one or two questions from the lists of the echo, with the label filled in', () => {
    expect(allEchoes.length).toBeGreaterThan(10);
    for (const echo of allEchoes) {
      const questions = promptsForEcho(echo, prompts);
      const kinds = promptKindsFor(echo);
      expect(questions.length).toBe(kinds.length);
      expect(questions.length === 1 || questions.length === 2).toBe(true);
      questions.forEach((question, index) => {
        const templates = prompts.prompts[kinds[index] as keyof ReflectivePrompts['prompts']];
        expect(templates.map((t) => t.replaceAll('{label}', echo.wording.label))).toContain(question);
        expect(question).not.toContain('{');
      });
    }
  });

  it('asks about what recurs first, then about a full parallel process or the identification', () => {
    const byId = new Map(allEchoes.map((echo) => [echo.id, echo]));
    expect(promptKindsFor(byId.get('pattern:exact:evaluator>performer') as Echo)).toEqual(['pattern', 'parallel']);
    expect(promptKindsFor(byId.get('role:sasb:other.5') as Echo)).toEqual(['sasb', 'parallel']);
    expect(promptKindsFor(byId.get('role:exact:rescuer') as Echo)).toEqual(['role', 'parallel']);
    // Not in all three systems: the identification decides, complementary before concordant.
    const rescuerPattern = allEchoes.find((e) => e.id === 'pattern:exact:rescuer>reassurance-seeker') as Echo;
    expect(promptKindsFor(rescuerPattern)).toEqual(['pattern', 'complementary']);
    const inadequate = allEchoes.find((e) => e.id === 'feeling:exact:inadequate') as Echo;
    expect(promptKindsFor(inadequate)).toEqual(['feeling', 'concordant']);
    const selfDoubting = allEchoes.find((e) => e.id === 'feeling:exact:self-doubting') as Echo;
    expect(promptKindsFor(selfDoubting)).toEqual(['feeling']);
  });

  it('always gives the same echo the same questions, and spreads different echoes over each list', () => {
    const first = examples.map((kase) => analyzeCase(kase).echoes.map((echo) => promptsForEcho(echo, prompts)));
    const again = examples.map((kase) => analyzeCase(kase).echoes.map((echo) => promptsForEcho(echo, prompts)));
    expect(again).toEqual(first);
    const roleQuestions = new Set(allEchoes.filter((e) => promptKindsFor(e)[0] === 'role').map((e) => promptsForEcho(e, prompts)[0]));
    expect(roleQuestions.size).toBeGreaterThan(1);
  });
});
