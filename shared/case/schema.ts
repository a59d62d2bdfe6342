import { z } from 'zod';
import { BUILT_IN_FEELING_IDS } from '../library/feelings';
import { BUILT_IN_ROLE_IDS } from '../library/roles';
import { SASB_CODE_PATTERN, type SasbCode } from '../library/sasb';
import { PERSON_KINDS, SYSTEM_IDS, type SystemId } from './systems';

/** The case file format version this build reads and writes (case-format.md). */
export const CASE_FORMAT_VERSION = 1;
export const CASE_FORMAT_NAME = 'triptych-case';

const MAX_TEXT = 20_000;
const MAX_RELATIONS_PER_SYSTEM = 2_000;

const Id = z
  .string({ error: 'expected an id (text)' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'must be 1–64 characters of A-Z a-z 0-9 _ -' });

const FreeText = z
  .string({ error: 'expected text' })
  .max(MAX_TEXT, { error: `must be at most ${MAX_TEXT.toLocaleString('en')} characters` });

const DateTime = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time' });

/** A short piece of text a person typed (a name, a title, a label): trimmed, never empty. */
function trimmedText(what: string, maxLength: number) {
  return z
    .string({ error: `expected ${what} (text)` })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(maxLength, { error: `must be at most ${maxLength} characters` });
}

const Position = z.strictObject(
  {
    x: z.number({ error: 'expected a finite number' }),
    y: z.number({ error: 'expected a finite number' }),
  },
  { error: 'expected a position { "x": number, "y": number }' },
);

export const PersonSchema = z.strictObject(
  {
    id: Id,
    name: trimmedText('a name', 120),
    kind: z.enum(PERSON_KINDS, { error: 'expected one of "client", "therapist", "supervisor", "other"' }),
    note: FreeText.optional(),
  },
  { error: 'expected a person (an object with id, name and kind)' },
);

export const MemberSchema = z.strictObject(
  {
    person: Id,
    roles: z.array(Id, { error: 'expected a list of role ids' }).default([]),
    feelings: z.array(Id, { error: 'expected a list of feeling ids' }).default([]),
    position: Position.optional(),
  },
  { error: 'expected a member (an object with person, roles and feelings)' },
);

export const RelationSchema = z.strictObject(
  {
    id: Id,
    from: Id,
    to: Id,
    fromRole: Id.optional(),
    toRole: Id.optional(),
    act: FreeText.optional(),
  },
  { error: 'expected a relation (an object with id, from and to)' },
);

export const SystemSchema = z.strictObject(
  {
    members: z.array(MemberSchema, { error: 'expected a list of members' }).default([]),
    relations: z
      .array(RelationSchema, { error: 'expected a list of relations' })
      .max(MAX_RELATIONS_PER_SYSTEM, { error: `at most ${MAX_RELATIONS_PER_SYSTEM.toLocaleString('en')} relations per system` })
      .default([]),
    notes: FreeText.optional(),
  },
  { error: 'expected a system (an object with members and relations)' },
);

export const CustomRoleSchema = z.strictObject(
  {
    id: Id,
    label: trimmedText('a label', 60),
    sasb: z
      .string({ error: 'expected a SASB code' })
      .regex(SASB_CODE_PATTERN, { error: 'expected a SASB code: other.N, self.N or introject.N with N 1–8' })
      .transform((code) => code as SasbCode)
      .optional(),
  },
  { error: 'expected a custom role (an object with id and label)' },
);

export const CustomFeelingSchema = z.strictObject(
  {
    id: Id,
    label: trimmedText('a label', 60),
  },
  { error: 'expected a custom feeling (an object with id and label)' },
);

const CaseShape = z.strictObject(
  {
    id: Id,
    title: trimmedText('a title', 200),
    createdAt: DateTime,
    updatedAt: DateTime,
    summary: FreeText.optional(),
    people: z
      .array(PersonSchema, { error: 'expected a list of people' })
      .min(1, { error: 'needs at least one person' })
      .max(500, { error: 'at most 500 people' }),
    systems: z.strictObject(
      {
        client: SystemSchema,
        therapy: SystemSchema,
        supervision: SystemSchema,
      },
      { error: 'expected the systems "client", "therapy" and "supervision"' },
    ),
    customRoles: z.array(CustomRoleSchema, { error: 'expected a list of custom roles' }).default([]),
    customFeelings: z.array(CustomFeelingSchema, { error: 'expected a list of custom feelings' }).default([]),
  },
  { error: 'expected the case (an object with id, title, people and systems)' },
);

type CaseShapeOutput = z.output<typeof CaseShape>;
type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/** Reports every id that appears more than once in `ids`, at its later position. */
function checkUnique(ids: readonly string[], basePath: Path, what: string, report: Report): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) report([...basePath, index, 'id'], `duplicate ${what} id "${id}"`);
    seen.add(id);
  });
}

/**
 * The rules that relate one part of a case to another (case-format.md): who
 * must be present, which ids must exist, which must be unique. They run after
 * the shape is known to be right, so every message can name a precise path.
 */
function checkCaseReferences(kase: CaseShapeOutput, report: Report): void {
  checkUnique(kase.people.map((p) => p.id), ['people'], 'person', report);

  for (const kind of ['client', 'therapist'] as const) {
    const found = kase.people.filter((p) => p.kind === kind).length;
    if (found !== 1) report(['people'], `needs exactly one person of kind "${kind}", found ${found}`);
  }
  const supervisors = kase.people.filter((p) => p.kind === 'supervisor');
  if (supervisors.length > 1) {
    report(['people'], `needs at most one person of kind "supervisor", found ${supervisors.length}`);
  }

  checkUnique(kase.customRoles.map((r) => r.id), ['customRoles'], 'custom role', report);
  kase.customRoles.forEach((role, index) => {
    if (BUILT_IN_ROLE_IDS.has(role.id)) {
      report(['customRoles', index, 'id'], `"${role.id}" is a built-in role id; choose another id`);
    }
  });
  checkUnique(kase.customFeelings.map((f) => f.id), ['customFeelings'], 'custom feeling', report);
  kase.customFeelings.forEach((feeling, index) => {
    if (BUILT_IN_FEELING_IDS.has(feeling.id)) {
      report(['customFeelings', index, 'id'], `"${feeling.id}" is a built-in feeling id; choose another id`);
    }
  });

  const personIds = new Set(kase.people.map((p) => p.id));
  const roleIds = new Set([...BUILT_IN_ROLE_IDS, ...kase.customRoles.map((r) => r.id)]);
  const feelingIds = new Set([...BUILT_IN_FEELING_IDS, ...kase.customFeelings.map((f) => f.id)]);
  const client = kase.people.find((p) => p.kind === 'client');
  const therapist = kase.people.find((p) => p.kind === 'therapist');
  const supervisor = supervisors[0];

  const required: Record<SystemId, { id: string; kind: string }[]> = {
    client: client ? [{ id: client.id, kind: 'client' }] : [],
    therapy: [client, therapist].filter((p) => p !== undefined).map((p) => ({ id: p.id, kind: p.kind })),
    supervision: supervisor && therapist ? [therapist, supervisor].map((p) => ({ id: p.id, kind: p.kind })) : [],
  };

  const relationIds = new Set<string>();
  for (const systemId of SYSTEM_IDS) {
    const system = kase.systems[systemId];
    const base: Path = ['systems', systemId];

    if (systemId === 'supervision' && !supervisor && (system.members.length > 0 || system.relations.length > 0)) {
      report([...base, 'members'], 'must be empty in a case without a supervisor');
    }

    const memberIds = new Set<string>();
    system.members.forEach((member, index) => {
      const at: Path = [...base, 'members', index];
      if (!personIds.has(member.person)) report([...at, 'person'], `unknown person "${member.person}"`);
      else if (memberIds.has(member.person)) report([...at, 'person'], `person "${member.person}" is already a member of this system`);
      memberIds.add(member.person);
      checkListed(member.roles, roleIds, [...at, 'roles'], 'role', report);
      checkListed(member.feelings, feelingIds, [...at, 'feelings'], 'feeling', report);
    });

    for (const person of required[systemId]) {
      if (!memberIds.has(person.id)) report([...base, 'members'], `must include the ${person.kind} ("${person.id}")`);
    }

    system.relations.forEach((relation, index) => {
      const at: Path = [...base, 'relations', index];
      if (relationIds.has(relation.id)) report([...at, 'id'], `duplicate relation id "${relation.id}" (relation ids are unique across the case)`);
      relationIds.add(relation.id);
      for (const end of ['from', 'to'] as const) {
        if (!memberIds.has(relation[end])) report([...at, end], `"${relation[end]}" is not a member of this system`);
      }
      for (const end of ['fromRole', 'toRole'] as const) {
        const role = relation[end];
        if (role !== undefined && !roleIds.has(role)) report([...at, end], `unknown role "${role}"`);
      }
      if (relation.from === relation.to && relation.toRole !== undefined) {
        report([...at, 'toRole'], 'a relation of a person to themself has no toRole');
      }
    });
  }
}

function checkListed(ids: readonly string[], known: ReadonlySet<string>, path: Path, what: string, report: Report): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (!known.has(id)) report([...path, index], `unknown ${what} "${id}"`);
    else if (seen.has(id)) report([...path, index], `${what} "${id}" is listed twice`);
    seen.add(id);
  });
}

/** One case, valid by every rule of case-format.md. */
export const CaseSchema = CaseShape.superRefine(
  (kase, ctx) => {
    checkCaseReferences(kase, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
  },
  // zod 4 runs a refinement after "continuable" issues too (a malformed id, an
  // unknown key, a text too long); cross-checking such a case only adds echoes
  // of the first problem ("unknown person" after a bad person id), so the
  // references are checked only once the shape is clean.
  { when: (payload) => payload.issues.length === 0 },
);

/** A whole case file: the envelope with format and version around one case. */
export const CaseFileSchema = z.strictObject(
  {
    format: z.literal(CASE_FORMAT_NAME, { error: `expected "${CASE_FORMAT_NAME}"` }),
    version: z
      .number({ error: 'expected a whole number' })
      .int({ error: 'expected a whole number' })
      .check((ctx) => {
        if (ctx.value > CASE_FORMAT_VERSION) {
          ctx.issues.push({
            code: 'custom',
            input: ctx.value,
            message: `made by a newer version of Triptych (format version ${ctx.value}); this version reads format version ${CASE_FORMAT_VERSION}`,
          });
        } else if (ctx.value < CASE_FORMAT_VERSION) {
          ctx.issues.push({ code: 'custom', input: ctx.value, message: `unsupported format version ${ctx.value}` });
        }
      }),
    case: CaseSchema,
  },
  { error: `expected a case file: a JSON object with "format", "version" and "case"` },
);

export type Case = z.output<typeof CaseSchema>;
export type CaseInput = z.input<typeof CaseSchema>;
export type CaseFile = z.output<typeof CaseFileSchema>;
export type Person = Case['people'][number];
export type Member = Case['systems']['client']['members'][number];
export type Relation = Case['systems']['client']['relations'][number];
export type RelationalSystem = Case['systems']['client'];
export type CustomRole = Case['customRoles'][number];
export type CustomFeeling = Case['customFeelings'][number];
