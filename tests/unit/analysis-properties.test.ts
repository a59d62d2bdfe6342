import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysisToJson, type CaseAnalysisJson, type EchoJson } from '../../shared/analysis/analysis-json';
import { analyzeCase } from '../../shared/analysis/analyze-case';
import { CaseSchema, type Case, type CaseInput } from '../../shared/case/schema';
import { SYSTEM_IDS, type SystemId } from '../../shared/case/systems';

// Small pools, so that generated cases are full of echoes: roles sharing SASB
// codes (critic/devaluer, performer/appeaser, controller/evaluator), a
// self-relation role, and custom roles and feelings with and without codes.
const ROLE_POOL = ['critic', 'devaluer', 'performer', 'appeaser', 'controller', 'evaluator', 'rescuer', 'self-critic'];
// Fewer roles on relations, so that role pairs, and so patterns, recur too.
const RELATION_ROLE_POOL = ['critic', 'devaluer', 'performer', 'appeaser'];
const FEELING_POOL = ['anxious', 'pressured', 'bored'];
const SLOTS = 7;
const RUNS = { numRuns: 250 };

const rawSystem = fc.record({
  members: fc.array(
    fc.record({
      include: fc.boolean(),
      roles: fc.array(fc.nat(), { maxLength: 3 }),
      feelings: fc.array(fc.nat(), { maxLength: 2 }),
    }),
    { minLength: SLOTS, maxLength: SLOTS },
  ),
  relations: fc.array(
    fc.record({
      from: fc.nat(),
      to: fc.nat(),
      self: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      fromRole: fc.option(fc.nat(), { nil: undefined }),
      toRole: fc.option(fc.nat(), { nil: undefined }),
    }),
    { maxLength: 8 },
  ),
});

const rawCase = fc.record({
  others: fc.integer({ min: 0, max: SLOTS - 3 }),
  supervisor: fc.boolean(),
  customRoles: fc.uniqueArray(
    fc.record({
      id: fc.constantFrom('cr-a', 'cr-b', 'Cr-c'),
      sasb: fc.option(fc.constantFrom('other.6', 'self.5', 'other.4', 'introject.6'), { nil: undefined }),
    }),
    { selector: (role) => role.id, maxLength: 3 },
  ),
  customFeelings: fc.subarray(['cf-a', 'cf-b']),
  systems: fc.tuple(rawSystem, rawSystem, rawSystem),
});

type RawCase = typeof rawCase extends fc.Arbitrary<infer T> ? T : never;

function pick<T>(items: readonly T[], index: number): T {
  return items[index % items.length] as T;
}

/** Turns fast-check's raw choices into a case that passes every rule of the case format. */
function caseFrom(raw: RawCase): Case {
  const people: CaseInput['people'] = [
    { id: 'c', name: 'Client', kind: 'client' },
    { id: 't', name: 'Therapist', kind: 'therapist' },
    ...(raw.supervisor ? [{ id: 's', name: 'Supervisor', kind: 'supervisor' as const }] : []),
    ...Array.from({ length: raw.others }, (_, index) => ({ id: `o${index}`, name: `Other ${index}`, kind: 'other' as const })),
  ];
  const customRoles = raw.customRoles.map((role) => role.id);
  const roles = [...ROLE_POOL, ...customRoles];
  const relationRoles = [...RELATION_ROLE_POOL, ...customRoles];
  const feelings = [...FEELING_POOL, ...raw.customFeelings];
  const required: Record<SystemId, string[]> = {
    client: ['c'],
    therapy: ['c', 't'],
    supervision: raw.supervisor ? ['t', 's'] : [],
  };
  let relationNumber = 0;
  const systems = {} as CaseInput['systems'];
  SYSTEM_IDS.forEach((system, systemIndex) => {
    const drawn = raw.systems[systemIndex] as RawCase['systems'][number];
    const allowed = system !== 'supervision' || raw.supervisor;
    const members = people.flatMap((person, slot) => {
      const choice = drawn.members[slot] as RawCase['systems'][number]['members'][number];
      if (!required[system].includes(person.id) && !(allowed && choice.include)) return [];
      return [
        {
          person: person.id,
          roles: [...new Set(choice.roles.map((index) => pick(roles, index)))],
          feelings: [...new Set(choice.feelings.map((index) => pick(feelings, index)))],
        },
      ];
    });
    const relations = members.length === 0 ? [] : drawn.relations.map((relation) => {
      const from = pick(members, relation.from).person;
      const to = relation.self ? from : pick(members, relation.to).person;
      relationNumber += 1;
      return {
        id: `r${relationNumber}`,
        from,
        to,
        ...(relation.fromRole === undefined ? {} : { fromRole: pick(relationRoles, relation.fromRole) }),
        ...(relation.toRole === undefined || from === to ? {} : { toRole: pick(relationRoles, relation.toRole) }),
      };
    });
    systems[system] = { members, relations };
  });
  return CaseSchema.parse({
    id: 'generated',
    title: 'Generated',
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    people,
    systems,
    customRoles: raw.customRoles.map((role) => ({ id: role.id, label: role.id.toUpperCase(), ...(role.sasb ? { sasb: role.sasb } : {}) })),
    customFeelings: raw.customFeelings.map((id) => ({ id, label: id.toUpperCase() })),
  });
}

const validCase = rawCase.map(caseFrom);

/** New ids for everything a case names itself, and a seed for shuffling every list. */
const renaming = fc.record({
  people: fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_-]{1,6}$/), { minLength: SLOTS, maxLength: SLOTS }),
  relations: fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_-]{1,6}$/), { minLength: 18, maxLength: 18 }),
  // "q" starts no built-in role or feeling id, so renamed custom ids never collide with them.
  customRoles: fc.uniqueArray(fc.stringMatching(/^q[A-Za-z0-9_-]{0,5}$/), { minLength: 3, maxLength: 3 }),
  customFeelings: fc.uniqueArray(fc.stringMatching(/^q[A-Za-z0-9_-]{0,5}$/), { minLength: 2, maxLength: 2 }),
  seed: fc.integer(),
});

type Renaming = typeof renaming extends fc.Arbitrary<infer T> ? T : never;

interface IdMaps {
  person: Map<string, string>;
  relation: Map<string, string>;
  role: Map<string, string>;
  feeling: Map<string, string>;
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The same case with every case-local id renamed and every list shuffled. */
function renameAndShuffle(kase: Case, names: Renaming): { kase: Case; ids: IdMaps } {
  const random = seeded(names.seed);
  const ids: IdMaps = {
    person: new Map(kase.people.map((person, index) => [person.id, names.people[index] as string])),
    relation: new Map(
      SYSTEM_IDS.flatMap((system) => kase.systems[system].relations).map((relation, index) => [
        relation.id,
        names.relations[index] as string,
      ]),
    ),
    role: new Map(kase.customRoles.map((role, index) => [role.id, names.customRoles[index] as string])),
    feeling: new Map(kase.customFeelings.map((feeling, index) => [feeling.id, names.customFeelings[index] as string])),
  };
  const person = (id: string) => ids.person.get(id) ?? id;
  const role = (id: string) => ids.role.get(id) ?? id;
  const feeling = (id: string) => ids.feeling.get(id) ?? id;
  const systems = {} as Case['systems'];
  for (const system of SYSTEM_IDS) {
    const { members, relations } = kase.systems[system];
    systems[system] = {
      members: shuffled(members, random).map((member) => ({
        person: person(member.person),
        roles: shuffled(member.roles.map(role), random),
        feelings: shuffled(member.feelings.map(feeling), random),
      })),
      relations: shuffled(relations, random).map((relation) => ({
        ...relation,
        id: ids.relation.get(relation.id) ?? relation.id,
        from: person(relation.from),
        to: person(relation.to),
        ...(relation.fromRole === undefined ? {} : { fromRole: role(relation.fromRole) }),
        ...(relation.toRole === undefined ? {} : { toRole: role(relation.toRole) }),
      })),
    };
  }
  const renamed = CaseSchema.parse({
    ...kase,
    people: shuffled(kase.people, random).map((p) => ({ ...p, id: person(p.id) })),
    systems,
    customRoles: shuffled(kase.customRoles, random).map((r) => ({ ...r, id: role(r.id) })),
    customFeelings: shuffled(kase.customFeelings, random).map((f) => ({ ...f, id: feeling(f.id) })),
  });
  return { kase: renamed, ids };
}

/** What the analysis of the original case should be called after renaming. */
function renameAnalysis(analysis: CaseAnalysisJson, ids: IdMaps): CaseAnalysisJson {
  const person = (id: string) => ids.person.get(id) ?? id;
  return {
    caseId: analysis.caseId,
    echoes: analysis.echoes.map((echo): EchoJson => {
      const key =
        echo.match === 'sasb'
          ? echo.key
          : echo.kind === 'feeling'
            ? (ids.feeling.get(echo.key) ?? echo.key)
            : echo.key
                .split('>')
                .map((role) => ids.role.get(role) ?? role)
                .join('>');
      return {
        ...echo,
        id: `${echo.kind}:${echo.match}:${key}`,
        key,
        occurrences: echo.occurrences.map((o) =>
          'person' in o
            ? { ...o, person: person(o.person) }
            : { ...o, relation: ids.relation.get(o.relation) ?? o.relation, from: person(o.from), to: person(o.to) },
        ),
      };
    }),
  };
}

/** Order-free form: echoes by id, occurrences by their JSON text. */
function canonical(analysis: CaseAnalysisJson) {
  return [...analysis.echoes]
    .map((echo) => ({ ...echo, occurrences: echo.occurrences.map((o) => JSON.stringify(o)).sort() }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Code-point order, checked independently of the engine: UTF-8 byte order is code-point order. */
function codePointOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

const SYSTEM_RANK: Record<SystemId, number> = { client: 0, therapy: 1, supervision: 2 };
const KIND_RANK = { pattern: 0, role: 1, feeling: 2 };
const MATCH_RANK = { exact: 0, sasb: 1 };

describe('analyzeCase on generated cases', () => {
  it('generates only valid cases, and never throws on them', () => {
    fc.assert(
      fc.property(rawCase, (raw) => {
        const kase = caseFrom(raw);
        expect(CaseSchema.parse(kase)).toEqual(kase);
        analyzeCase(kase).echoes.forEach((echo) => echo.wording);
      }),
      RUNS,
    );
  });

  it('gives the same analysis, up to the renaming, when every id is renamed and every list shuffled', () => {
    fc.assert(
      fc.property(validCase, renaming, (kase, names) => {
        const { kase: renamed, ids } = renameAndShuffle(kase, names);
        const expected = renameAnalysis(analysisToJson(analyzeCase(kase)), ids);
        expect(canonical(analysisToJson(analyzeCase(renamed)))).toEqual(canonical(expected));
      }),
      RUNS,
    );
  });

  it('spans two or three systems per echo, parallel exactly when three, with occurrences in those systems', () => {
    fc.assert(
      fc.property(validCase, (kase) => {
        for (const echo of analyzeCase(kase).echoes) {
          expect(echo.systems.length).toBeGreaterThanOrEqual(2);
          expect(echo.parallel).toBe(echo.systems.length === 3);
          expect([...echo.systems].sort((a, b) => SYSTEM_RANK[a] - SYSTEM_RANK[b])).toEqual(echo.systems);
          expect([...new Set(echo.occurrences.map((o) => o.system))]).toEqual(echo.systems);
          expect(echo.id).toBe(`${echo.kind}:${echo.match}:${echo.key}`);
        }
      }),
      RUNS,
    );
  });

  it('sets an identification only where analysis.md allows one', () => {
    fc.assert(
      fc.property(validCase, (kase) => {
        const therapist = kase.people.find((p) => p.kind === 'therapist')?.id;
        const supervisor = kase.people.find((p) => p.kind === 'supervisor')?.id;
        for (const echo of analyzeCase(kase).echoes) {
          for (const occurrence of echo.occurrences) {
            const holders = 'person' in occurrence ? [occurrence.person] : [occurrence.from, occurrence.to];
            const { identification } = occurrence;
            if (identification === undefined) continue;
            expect(occurrence.system).not.toBe('client');
            expect(Object.keys(identification).length).toBeGreaterThan(0);
            if (identification.therapist !== undefined) expect(holders).toContain(therapist);
            if (identification.supervisor !== undefined) {
              expect(occurrence.system).toBe('supervision');
              expect(holders).toContain(supervisor);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('orders echoes and occurrences as analysis.md says', () => {
    fc.assert(
      fc.property(validCase, (kase) => {
        const { echoes } = analyzeCase(kase);
        for (let index = 1; index < echoes.length; index += 1) {
          const [a, b] = [echoes[index - 1], echoes[index]] as [(typeof echoes)[number], (typeof echoes)[number]];
          const order =
            b.systems.length - a.systems.length ||
            KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
            MATCH_RANK[a.match] - MATCH_RANK[b.match] ||
            codePointOrder(a.key, b.key);
          expect(order).toBeLessThan(0);
        }
        for (const echo of echoes) {
          const keys = echo.occurrences.map((o) => [SYSTEM_RANK[o.system], 'person' in o ? o.person : o.relation] as const);
          for (let index = 1; index < keys.length; index += 1) {
            const [a, b] = [keys[index - 1], keys[index]] as [(typeof keys)[number], (typeof keys)[number]];
            expect(a[0] - b[0] || codePointOrder(a[1], b[1])).toBeLessThan(0);
          }
        }
      }),
      RUNS,
    );
  });
});
