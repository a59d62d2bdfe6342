import { z } from 'zod';
import type { Echo } from '../analysis/types';
import { describeIssues } from '../case/parse';

/**
 * The kinds of echo and identification that have their own reflective
 * questions: what recurs (a role, a feeling, a pattern, a structural SASB
 * position), Racker's two identifications, and a full parallel process.
 */
export const PROMPT_KINDS = ['role', 'feeling', 'pattern', 'sasb', 'concordant', 'complementary', 'parallel'] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];

export const REFLECTIVE_PROMPTS_FORMAT = 'triptych-reflective-prompts';
const PLACEHOLDER = '{label}';

const Question = z
  .string({ error: 'expected a question (text)' })
  .trim()
  .min(10, { error: 'a question needs at least 10 characters' })
  .max(300, { error: 'a question may have at most 300 characters' })
  .refine((text) => text.replaceAll(PLACEHOLDER, '').match(/[{}]/) === null, {
    error: `the only placeholder a question may use is ${PLACEHOLDER}`,
  });

const QuestionList = z
  .array(Question, { error: 'expected a list of questions' })
  .min(2, { error: 'needs at least 2 questions' })
  .max(4, { error: 'at most 4 questions per kind' });

/** The reflective prompts file (resources/prompts/reflective-prompts.json). */
export const ReflectivePromptsSchema = z.strictObject(
  {
    format: z.literal(REFLECTIVE_PROMPTS_FORMAT, { error: `expected "${REFLECTIVE_PROMPTS_FORMAT}"` }),
    version: z.literal(1, { error: 'expected version 1' }),
    about: z.string().optional(),
    prompts: z.strictObject(
      Object.fromEntries(PROMPT_KINDS.map((kind) => [kind, QuestionList])) as Record<PromptKind, typeof QuestionList>,
      { error: `expected the prompt lists ${PROMPT_KINDS.join(', ')}` },
    ),
  },
  { error: 'expected a reflective prompts file: an object with "format", "version" and "prompts"' },
);

export type ReflectivePrompts = z.output<typeof ReflectivePromptsSchema>;

/** A prompts file that does not follow the schema; the message lists what to fix. */
export class ReflectivePromptsError extends Error {
  readonly code = 'invalid-prompts-file';
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super([`${source}: not a valid reflective prompts file`, ...problems.map((p) => `  ${p}`)].join('\n'));
    this.name = 'ReflectivePromptsError';
  }
}

/** Validates a parsed prompts file; throws ReflectivePromptsError naming each problem's place. */
export function parseReflectivePrompts(value: unknown, source: string): ReflectivePrompts {
  const result = ReflectivePromptsSchema.safeParse(value);
  if (!result.success) throw new ReflectivePromptsError(source, describeIssues(result.error.issues));
  return result.data;
}

/**
 * The one or two questions offered for an echo: one about what recurs (its
 * kind, or its SASB position for a structural echo), and one about how far
 * it reaches (a full parallel process) or, failing that, about the
 * therapist's or supervisor's identification. Which question of a list is
 * chosen depends only on the echo's id, so the same echo always gets the
 * same questions, and different echoes of one kind tend to get different ones.
 */
export function promptsForEcho(echo: Echo, prompts: ReflectivePrompts): string[] {
  const kinds = promptKindsFor(echo);
  const label = echo.wording.label;
  return kinds.map((kind, index) => {
    const list = prompts.prompts[kind];
    const question = list[stableHash(`${echo.id}#${index}`) % list.length] as string;
    return question.replaceAll(PLACEHOLDER, label);
  });
}

/** Which prompt lists an echo draws on, most specific first (see promptsForEcho). */
export function promptKindsFor(echo: Echo): PromptKind[] {
  const first: PromptKind = echo.match === 'sasb' ? 'sasb' : echo.kind;
  const second = echo.parallel ? 'parallel' : identificationKind(echo);
  return second === undefined ? [first] : [first, second];
}

// Complementary first: being cast as the client's other is the position a
// group is least likely to notice unprompted.
function identificationKind(echo: Echo): PromptKind | undefined {
  const kinds = new Set(echo.occurrences.flatMap((o) => [o.identification?.therapist, o.identification?.supervisor]));
  if (kinds.has('complementary')) return 'complementary';
  if (kinds.has('concordant')) return 'concordant';
  return undefined;
}

/** FNV-1a: small, stable across runs and platforms, unlike anything seeded. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
